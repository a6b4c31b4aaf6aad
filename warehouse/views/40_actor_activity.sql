-- Grain: one row per actor code that appears in at least one engagement (as actor1 or actor2).
CREATE OR REPLACE VIEW actor_activity AS
WITH sides AS (
    SELECT actor1 AS actor, actor2 AS counterpart, true AS initiated, quad_class, score, event_date, n_mentions
    FROM engagements WHERE actor1 IS NOT NULL
    UNION ALL
    SELECT actor2, actor1, false, quad_class, score, event_date, n_mentions
    FROM engagements WHERE actor2 IS NOT NULL
)
SELECT s.actor,
       a.name,
       a.kind,
       count(*)                                   AS engagements,
       count(*) FILTER (WHERE initiated)          AS as_actor1,
       count(*) FILTER (WHERE NOT initiated)      AS as_actor2,
       count(DISTINCT counterpart)                AS counterparts,
       count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperative,
       count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflictual,
       coalesce(sum(score), 0)                    AS net_score,
       min(event_date)                            AS first_engagement,
       max(event_date)                            AS last_engagement,
       sum(n_mentions)                            AS mentions
FROM sides s
LEFT JOIN actors a ON a.code = s.actor
GROUP BY s.actor, a.name, a.kind;
