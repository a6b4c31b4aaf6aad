-- After a build (clear_engagements_state first): remember its inputs.
INSERT INTO engagements_built VALUES ($inputs_hash, $built_at);
