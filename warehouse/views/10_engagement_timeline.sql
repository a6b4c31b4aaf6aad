-- Grain: one row per engagement (the same actors, type, date at its precision and place, merged across documents).
-- Built from the `engagements` table, which warehouse/queries/build_engagements.sql derives from events_effective.
CREATE OR REPLACE VIEW engagement_timeline AS
SELECT g.engagement_id,
       g.event_date,
       g.date_precision,
       CASE g.date_precision
            WHEN 'day'   THEN strftime(g.event_date, '%Y-%m-%d')
            WHEN 'month' THEN strftime(g.event_date, '%Y-%m')
            WHEN 'year'  THEN strftime(g.event_date, '%Y')
       END                                  AS date_label,
       g.actor1,
       a1.name                              AS actor1_name,
       g.actor2,
       a2.name                              AS actor2_name,
       g.event_type,
       g.mode,
       g.quad_class,
       CASE g.quad_class
            WHEN 1 THEN 'verbal cooperation'
            WHEN 2 THEN 'material cooperation'
            WHEN 3 THEN 'verbal conflict'
            WHEN 4 THEN 'material conflict'
       END                                  AS quad,
       g.score,
       g.location,
       g.location_country,
       g.quantity_value,
       g.quantity_unit,
       g.fatalities,
       g.n_sources,
       g.n_documents,
       g.n_mentions,
       g.evidence,
       g.evidence_url,
       g.first_reported
FROM engagements g
LEFT JOIN actors a1 ON a1.code = g.actor1
LEFT JOIN actors a2 ON a2.code = g.actor2;
