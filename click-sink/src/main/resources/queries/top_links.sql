-- The 100 most clicked links by people (bots left out), deduplicated by event id.
-- Parameters: first and last dt partition ('yyyy-MM-dd').
WITH clicks AS (
    SELECT DISTINCT event_id, code, bot
    FROM {{clicks}}
    WHERE dt BETWEEN ? AND ?
      AND event_id IS NOT NULL
)
SELECT code,
       count(*) AS clicks
FROM clicks
WHERE NOT bot
GROUP BY code
ORDER BY clicks DESC, code
LIMIT 100
