-- The 100 referring sites that sent the most people (bots left out); no Referer counts as '(direct)'.
-- Deduplicated by event id. Parameters: first and last dt partition ('yyyy-MM-dd').
WITH clicks AS (
    SELECT DISTINCT event_id, referrer_host, bot
    FROM {{clicks}}
    WHERE dt BETWEEN ? AND ?
      AND event_id IS NOT NULL
)
SELECT coalesce(referrer_host, '(direct)') AS referrer,
       count(*) AS clicks
FROM clicks
WHERE NOT bot
GROUP BY coalesce(referrer_host, '(direct)')
ORDER BY clicks DESC, referrer
LIMIT 100
