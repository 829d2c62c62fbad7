-- Clicks per link per day (the click's UTC day): people, unique visitors (visitor ids rotate daily, so they
-- count per day only) and bots apart. Deduplicated by event id: delivery is at-least-once.
-- Parameters: first and last dt partition ('yyyy-MM-dd'). dt is the arrival day; widen by a day for stragglers.
-- {{clicks}} is the Glue table (Athena) or a read_json(...) of the same files (DuckDB).
WITH clicks AS (
    SELECT DISTINCT event_id, code, ts, bot, visitor_id
    FROM {{clicks}}
    WHERE dt BETWEEN ? AND ?
      AND event_id IS NOT NULL
)
SELECT code,
       substr(ts, 1, 10) AS click_day,
       sum(CASE WHEN bot THEN 0 ELSE 1 END) AS clicks,
       count(DISTINCT CASE WHEN bot THEN NULL ELSE visitor_id END) AS visitors,
       sum(CASE WHEN bot THEN 1 ELSE 0 END) AS bot_clicks
FROM clicks
GROUP BY code, substr(ts, 1, 10)
ORDER BY click_day, clicks DESC, code
