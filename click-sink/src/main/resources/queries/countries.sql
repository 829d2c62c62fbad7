-- Clicks by people per country (CloudFront-Viewer-Country); none counts as '(unknown)'.
-- Deduplicated by event id. Parameters: first and last dt partition ('yyyy-MM-dd').
WITH clicks AS (
    SELECT DISTINCT event_id, country, bot
    FROM {{clicks}}
    WHERE dt BETWEEN ? AND ?
      AND event_id IS NOT NULL
)
SELECT coalesce(country, '(unknown)') AS country,
       count(*) AS clicks
FROM clicks
WHERE NOT bot
GROUP BY coalesce(country, '(unknown)')
ORDER BY clicks DESC, country
