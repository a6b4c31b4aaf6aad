-- Grain: one row per directed actor pair (actor1 -> actor2) and calendar month, over engagements dated to a day or
-- a month (year-only and undated engagements have no month and are left out; both actors must be named).
-- net_score = sum of the engagements' scores (cooperation positive, conflict negative).
CREATE OR REPLACE VIEW dyad_monthly AS
SELECT actor1,
       actor2,
       CAST(date_trunc('month', event_date) AS DATE)        AS month,
       count(*)                                             AS engagements,
       count(*) FILTER (WHERE quad_class = 1)               AS verbal_cooperation,
       count(*) FILTER (WHERE quad_class = 2)               AS material_cooperation,
       count(*) FILTER (WHERE quad_class = 3)               AS verbal_conflict,
       count(*) FILTER (WHERE quad_class = 4)               AS material_conflict,
       coalesce(sum(score), 0)                              AS net_score,
       sum(n_sources)                                       AS source_reports
FROM engagements
WHERE event_date IS NOT NULL
  AND date_precision IN ('day', 'month')
  AND actor1 IS NOT NULL
  AND actor2 IS NOT NULL
GROUP BY actor1, actor2, CAST(date_trunc('month', event_date) AS DATE);
