-- Which bots and link previewers click, and their share of all clicks in percent; people count as '(people)'.
-- Deduplicated by event id. Parameters: first and last dt partition ('yyyy-MM-dd').
WITH clicks AS (
    SELECT DISTINCT event_id, bot_reason
    FROM {{clicks}}
    WHERE dt BETWEEN ? AND ?
      AND event_id IS NOT NULL
)
SELECT coalesce(bot_reason, '(people)') AS agent,
       count(*) AS clicks,
       round(CAST(count(*) AS DOUBLE) * 100 / sum(count(*)) OVER (), 2) AS share_pct
FROM clicks
GROUP BY coalesce(bot_reason, '(people)')
ORDER BY clicks DESC, agent
