-- Rankings and rubrics join the agreement rollups (docs/decisions/023-feedback-rollups.md): from now
-- on the triggers of prisma/functions/agreement.sql keep their item patterns too, so the dashboard
-- reads a few thousand pattern counts instead of folding every ranking on each cold visit. Counted
-- here as the triggers count them (the same statements as …_agreement_rollups, for these kinds only);
-- agreement_annotators already counts every kind.
INSERT INTO agreement_item_patterns (definition_id, definition_version, item_id, ratings, pattern, week, batch_id)
SELECT a.definition_id, coalesce(a.definition_version, 0), a.item_id, count(*)::int,
       jsonb_agg(a.value ORDER BY a.value::text),
       date_bin('7 days', max(a.created_at), TIMESTAMPTZ '2000-01-03 00:00:00+00'), i.batch_id
  FROM annotations a
  JOIN items i ON i.id = a.item_id
  JOIN label_definitions ld ON ld.id = a.definition_id AND ld.kind IN ('ranking', 'rubric')
 WHERE a.is_current AND a.value IS NOT NULL
 GROUP BY GROUPING SETS ((a.definition_id, a.item_id, i.batch_id, a.definition_version), (a.definition_id, a.item_id, i.batch_id));
INSERT INTO agreement_pattern_deltas (definition_id, definition_version, ratings, pattern, week, batch_id, items)
SELECT p.definition_id, p.definition_version, p.ratings, p.pattern, p.week, p.batch_id, count(*)::int
  FROM agreement_item_patterns p
  JOIN label_definitions ld ON ld.id = p.definition_id AND ld.kind IN ('ranking', 'rubric')
 GROUP BY 1, 2, 3, 4, 5, 6;
