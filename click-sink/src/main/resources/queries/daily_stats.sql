-- The stats API's daily numbers from the raw events: per link, UTC day, dimension and value, people's and bots' clicks.
-- Dimensions: hour (UTC, '00'-'23'), country ('(unknown)' without one), referrer ('(direct)' without one), bot (the
-- reason, bots only) and user_agent (the API's device, browser and os are parsed from it by the click-count function).
-- Deduplicated by event id, as the aggregator counts each event once. Parameters: first and last dt partition
-- ('yyyy-MM-dd'); dt is the arrival day, so widen by a day for clicks just before midnight.
WITH clicks AS (
    SELECT DISTINCT event_id, code, ts, bot, bot_reason, country, referrer_host, user_agent
    FROM {{clicks}}
    WHERE dt BETWEEN ? AND ?
      AND event_id IS NOT NULL
),
facts AS (
    SELECT code, substr(ts, 1, 10) AS click_day, bot, 'hour' AS dimension, substr(ts, 12, 2) AS value FROM clicks
    UNION ALL
    SELECT code, substr(ts, 1, 10), bot, 'country', coalesce(country, '(unknown)') FROM clicks
    UNION ALL
    SELECT code, substr(ts, 1, 10), bot, 'referrer', coalesce(referrer_host, '(direct)') FROM clicks
    UNION ALL
    SELECT code, substr(ts, 1, 10), bot, 'bot', coalesce(bot_reason, '(unknown)') FROM clicks WHERE bot
    UNION ALL
    SELECT code, substr(ts, 1, 10), bot, 'user_agent', coalesce(user_agent, '') FROM clicks
)
SELECT code,
       click_day,
       dimension,
       value,
       sum(CASE WHEN bot THEN 0 ELSE 1 END) AS clicks,
       sum(CASE WHEN bot THEN 1 ELSE 0 END) AS bot_clicks
FROM facts
GROUP BY code, click_day, dimension, value
ORDER BY click_day, code, dimension, clicks DESC, value
