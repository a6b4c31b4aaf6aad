-- A full rebuild starts empty (then build_engagements + write_engagements per slice, in the same transaction).
DELETE FROM engagement_mentions;
DELETE FROM engagements;
