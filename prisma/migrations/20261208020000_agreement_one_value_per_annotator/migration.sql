-- The agreement rollups count one value per annotator and item (prisma/functions/agreement.sql,
-- docs/decisions/020-agreement-rollups.md): an annotator who labeled an item under v1 and again in a
-- relabel campaign counted twice on it in "all versions", and Krippendorff's alpha assumes one value
-- per coder and unit. Recounted here, as the triggers now count, for the items where that happened:
-- their rows leave the delta log, are counted again from each annotator's latest label, and return.
CREATE TEMP TABLE "recount" ON COMMIT DROP AS
SELECT DISTINCT a.definition_id AS d, a.item_id AS i
  FROM annotations a
  JOIN label_definitions ld ON ld.id = a.definition_id AND ld.kind <> 'spans'
 WHERE a.is_current AND a.value IS NOT NULL
 GROUP BY a.definition_id, a.item_id, a.user_id
HAVING count(*) > 1;

INSERT INTO agreement_pattern_deltas (definition_id, definition_version, ratings, pattern, week, batch_id, items)
SELECT p.definition_id, p.definition_version, p.ratings, p.pattern, p.week, p.batch_id, -count(*)::int
  FROM agreement_item_patterns p JOIN "recount" r ON p.definition_id = r.d AND p.item_id = r.i
 WHERE p.ratings > 0
 GROUP BY 1, 2, 3, 4, 5, 6;

DELETE FROM agreement_item_patterns p USING "recount" r WHERE p.definition_id = r.d AND p.item_id = r.i;

WITH latest AS (
    SELECT DISTINCT ON (a.definition_id, a.item_id, a.definition_version, a.user_id)
           a.definition_id AS d, a.item_id AS i, a.definition_version AS v, a.user_id AS u,
           a.value, a.created_at AS t, a.id
      FROM "recount" r JOIN annotations a ON a.definition_id = r.d AND a.item_id = r.i AND a.is_current AND a.value IS NOT NULL
     ORDER BY a.definition_id, a.item_id, a.definition_version, a.user_id, a.created_at DESC, a.id DESC),
cur AS (
    SELECT d, i, v, count(*)::int AS n, jsonb_agg(value ORDER BY value::text) AS vals, max(t) AS t
      FROM latest GROUP BY d, i, v
    UNION ALL
    SELECT d, i, 0, count(*)::int, jsonb_agg(value ORDER BY value::text), max(t)
      FROM (SELECT DISTINCT ON (d, i, u) d, i, value, t FROM latest ORDER BY d, i, u, t DESC, id DESC) l
     GROUP BY d, i)
INSERT INTO agreement_item_patterns (definition_id, definition_version, item_id, ratings, pattern, week, batch_id)
SELECT cur.d, cur.v, cur.i, cur.n, cur.vals, date_bin('7 days', cur.t, TIMESTAMPTZ '2000-01-03 00:00:00+00'), it.batch_id
  FROM cur JOIN items it ON it.id = cur.i;

INSERT INTO agreement_pattern_deltas (definition_id, definition_version, ratings, pattern, week, batch_id, items)
SELECT p.definition_id, p.definition_version, p.ratings, p.pattern, p.week, p.batch_id, count(*)::int
  FROM agreement_item_patterns p JOIN "recount" r ON p.definition_id = r.d AND p.item_id = r.i
 GROUP BY 1, 2, 3, 4, 5, 6;
