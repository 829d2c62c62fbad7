-- Per day (the click's UTC day): all clicks, those by bots and link previewers, and the bots' share in percent.
-- Deduplicated by event id. Parameters: first and last dt partition ('yyyy-MM-dd').
WITH clicks AS (
    SELECT DISTINCT event_id, ts, bot
    FROM {{clicks}}
    WHERE dt BETWEEN ? AND ?
      AND event_id IS NOT NULL
)
SELECT substr(ts, 1, 10) AS click_day,
       count(*) AS clicks,
       sum(CASE WHEN bot THEN 1 ELSE 0 END) AS bot_clicks,
       round(CAST(sum(CASE WHEN bot THEN 1 ELSE 0 END) AS DOUBLE) * 100 / count(*), 2) AS bot_share_pct
FROM clicks
GROUP BY substr(ts, 1, 10)
ORDER BY click_day
