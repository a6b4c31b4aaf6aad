-- Write the engagements of engagement_keyed (from build_engagements or build_engagements_incremental), after
-- write_engagement_mentions (the incremental rebuild) or before write_all_engagement_mentions (a full one), and drop it.
INSERT INTO engagements
SELECT k.engagement_id,
       k.group_key,
       any_value(k.actor1),
       any_value(k.actor2),
       any_value(k.event_type),
       arg_min(k.mode, k.mention_rank),
       arg_min(k.quad_class, k.mention_rank),
       arg_min(k.score, k.mention_rank),
       any_value(k.period_start),
       CASE WHEN any_value(k.period_start) IS NULL THEN 'none' ELSE any_value(k.date_precision) END,
       arg_min(k.location, k.mention_rank),
       arg_min(k.location_country, k.mention_rank),
       arg_min(k.quantity_value, k.mention_rank) FILTER (WHERE k.quantity_value IS NOT NULL),
       arg_min(k.quantity_unit, k.mention_rank) FILTER (WHERE k.quantity_value IS NOT NULL),
       max(k.fatalities),
       count(*),
       count(DISTINCT k.doc_id),
       count(DISTINCT coalesce(k.source_id, k.doc_id)),
       arg_min(k.event_id, k.mention_rank),
       arg_min(k.evidence, k.mention_rank),
       arg_min(k.doc_url, k.mention_rank),
       min(k.published_at)
FROM engagement_keyed k
GROUP BY k.engagement_id, k.group_key;

DROP TABLE engagement_keyed;
