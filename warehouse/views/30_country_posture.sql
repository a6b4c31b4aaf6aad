-- Grain: one row per focus state (subject_actors role 'focus': KAZ, KGZ, TJK, TKM, UZB) with its posture toward the
-- target (role 'target': TALIBAN, AFG).
-- Rule, over engagements:
--   * counted: every engagement between the state and a target, in either direction; and every engagement in which
--     the state (actor1) cooperates (quad class 1-2) with an 'opponent' of the target (e.g. NRF): supporting the
--     target's enemies counts as conflict toward the target, with its score negated. Conflict with an opponent is not counted.
--   * cooperative = quad class 1 or 2, conflictual = quad class 3 or 4; coop_share = cooperative / (cooperative + conflictual);
--     net_score = sum of the counted scores.
--   * posture: 'no data' with nothing counted; 'engaging' when coop_share >= 2/3, or coop_share > 1/2 and net_score > 0;
--     'hostile' when coop_share <= 1/3, or coop_share < 1/2 and net_score < 0; otherwise 'mixed'.
CREATE OR REPLACE VIEW country_posture AS
WITH focus AS (
    SELECT code FROM subject_actors WHERE role = 'focus'
),
counted AS (
    SELECT f.code AS state, g.engagement_id, g.event_date, g.n_sources,
           g.quad_class IN (1, 2) AS cooperative,
           g.quad_class IN (3, 4) AS conflictual,
           g.score
    FROM focus f
    JOIN engagements g
      ON (g.actor1 = f.code AND g.actor2 IN (SELECT code FROM subject_actors WHERE role = 'target'))
      OR (g.actor2 = f.code AND g.actor1 IN (SELECT code FROM subject_actors WHERE role = 'target'))
    UNION ALL
    SELECT f.code, g.engagement_id, g.event_date, g.n_sources, false, true, -g.score
    FROM focus f
    JOIN engagements g
      ON g.actor1 = f.code
     AND g.actor2 IN (SELECT code FROM subject_actors WHERE role = 'opponent')
     AND g.quad_class IN (1, 2)
),
tally AS (
    SELECT state,
           count(*)                                 AS engagements,
           count(*) FILTER (WHERE cooperative)      AS cooperative,
           count(*) FILTER (WHERE conflictual)      AS conflictual,
           coalesce(sum(score), 0)                  AS net_score,
           min(event_date)                          AS first_engagement,
           max(event_date)                          AS last_engagement,
           count(*) FILTER (WHERE event_date IS NULL) AS undated,
           sum(n_sources)                           AS source_reports
    FROM counted
    GROUP BY state
),
shares AS (
    SELECT f.code AS state,
           coalesce(t.engagements, 0)  AS engagements,
           coalesce(t.cooperative, 0)  AS cooperative,
           coalesce(t.conflictual, 0)  AS conflictual,
           CASE WHEN coalesce(t.cooperative, 0) + coalesce(t.conflictual, 0) > 0
                THEN t.cooperative / (t.cooperative + t.conflictual) END AS coop_share,
           coalesce(t.net_score, 0)    AS net_score,
           t.first_engagement,
           t.last_engagement,
           coalesce(t.undated, 0)      AS undated,
           coalesce(t.source_reports, 0) AS source_reports
    FROM focus f
    LEFT JOIN tally t ON t.state = f.code
)
SELECT s.state,
       a.name AS state_name,
       CASE
           WHEN s.coop_share IS NULL THEN 'no data'
           WHEN s.coop_share >= 2.0 / 3 OR (s.coop_share > 0.5 AND s.net_score > 0) THEN 'engaging'
           WHEN s.coop_share <= 1.0 / 3 OR (s.coop_share < 0.5 AND s.net_score < 0) THEN 'hostile'
           ELSE 'mixed'
       END AS posture,
       s.cooperative,
       s.conflictual,
       round(s.coop_share, 3) AS coop_share,
       s.net_score,
       s.engagements,
       s.first_engagement,
       s.last_engagement,
       s.undated,
       s.source_reports
FROM shares s
LEFT JOIN actors a ON a.code = s.state;
