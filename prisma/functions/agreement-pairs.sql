-- Annotator pairs for the agreement drill-down (docs/decisions/029-review-states.md): every change to
-- annotations logs (through concord_agreement_refresh: in the writer's transaction, or for a submit in the next
-- flush, docs/decisions/034-deferred-agreement-refresh.md) how the touched items change the count of items per
-- (version, annotator a, annotator b, a's value, b's value), so the drill-down sums a log of
-- thousands of rows instead of joining millions of annotations with themselves.
-- The current text of these functions: edit it here, not in a migration (docs/decisions/002-sql-migrations.md).

-- What one item's labels ([[annotator, version, value text], ...] in the order they were made) add
-- to the counts. Per version (0: all versions together) each annotator counts once, with their latest
-- label, as in the pattern rollup (an annotator who relabeled an item in a campaign holds two).
-- Rows: per pair of annotators (a < b) and their values, one item; with ub NULL, xa 'labels': the
-- annotator's label; xa 'shared': their label on an item at least one other annotator labeled.
CREATE OR REPLACE FUNCTION concord_agreement_label_pairs(p_labels jsonb)
RETURNS TABLE (ver int, ua uuid, ub uuid, xa text, xb text, n int) AS $$
    WITH l AS (
        SELECT (e ->> 0)::uuid AS u, (e ->> 1)::int AS v, e ->> 2 AS x, o
          FROM jsonb_array_elements(p_labels) WITH ORDINALITY AS t(e, o)),
    scoped AS (
        SELECT DISTINCT ON (ver, u) ver, u, x
          FROM (SELECT 0 AS ver, u, x, o FROM l UNION ALL SELECT v, u, x, o FROM l WHERE v IS NOT NULL) s
         ORDER BY ver, u, o DESC),
    sized AS (
        SELECT ver, u, count(*) OVER (PARTITION BY ver) AS size FROM scoped)
    SELECT a.ver, a.u, b.u, a.x, b.x, 1 FROM scoped a JOIN scoped b ON b.ver = a.ver AND b.u > a.u
    UNION ALL
    SELECT ver, u, NULL, 'labels', NULL, 1 FROM scoped
    UNION ALL
    SELECT ver, u, NULL, 'shared', NULL, 1 FROM sized WHERE size >= 2;
$$ LANGUAGE sql IMMUTABLE;

-- Recounts the labels of these (definition, item) pairs and logs the difference their pairs make.
-- The stored labels are locked first (in key order), so a concurrent refresh of the same item waits,
-- and the recount (a later statement, a newer snapshot) sees what the other committed.
-- It runs under the plan settings concord_agreement_refresh (agreement.sql), its caller, chose for
-- the call: a submit's few pairs a generic plan through the indexes, an import's thousands custom plans.
CREATE OR REPLACE FUNCTION concord_agreement_pairs_refresh(p_definitions uuid[], p_items bigint[]) RETURNS void AS $$
BEGIN
    INSERT INTO agreement_item_labels (definition_id, item_id, labels)
    SELECT DISTINCT k.d, k.i, '[]'::jsonb
      FROM unnest(p_definitions, p_items) k(d, i)
      JOIN label_definitions ld ON ld.id = k.d AND ld.kind NOT IN ('spans', 'ranking', 'rubric')
     ORDER BY 1, 2
    ON CONFLICT DO NOTHING;
    PERFORM 1 FROM agreement_item_labels l
      JOIN (SELECT DISTINCT d, i FROM unnest(p_definitions, p_items) k(d, i)) k
        ON l.definition_id = k.d AND l.item_id = k.i
     ORDER BY l.definition_id, l.item_id
       FOR UPDATE OF l;
    WITH k AS (
        SELECT DISTINCT k.d, k.i FROM unnest(p_definitions, p_items) k(d, i)
          JOIN label_definitions ld ON ld.id = k.d AND ld.kind NOT IN ('spans', 'ranking', 'rubric')),
    fresh AS (
        SELECT k.d, k.i,
               coalesce(jsonb_agg(jsonb_build_array(a.user_id, a.definition_version, a.value::text)
                                  ORDER BY a.created_at, a.id) FILTER (WHERE a.id IS NOT NULL), '[]'::jsonb) AS labels
          FROM k LEFT JOIN annotations a
            ON a.definition_id = k.d AND a.item_id = k.i AND a.is_current AND a.value IS NOT NULL
         GROUP BY k.d, k.i),
    changes AS (
        SELECT f.d, p.ver, p.ua, p.ub, p.xa, p.xb, p.n
          FROM fresh f CROSS JOIN LATERAL concord_agreement_label_pairs(f.labels) p
        UNION ALL
        SELECT l.definition_id, p.ver, p.ua, p.ub, p.xa, p.xb, -p.n
          FROM k JOIN agreement_item_labels l ON l.definition_id = k.d AND l.item_id = k.i
         CROSS JOIN LATERAL concord_agreement_label_pairs(l.labels) p),
    logged AS (
        INSERT INTO agreement_pair_deltas (definition_id, definition_version, user_a, user_b, value_a, value_b, items)
        SELECT d, ver, ua, ub, xa, xb, sum(n)::int FROM changes
         GROUP BY d, ver, ua, ub, xa, xb
        HAVING sum(n) <> 0)
    UPDATE agreement_item_labels l SET labels = f.labels
      FROM fresh f WHERE l.definition_id = f.d AND l.item_id = f.i AND l.labels <> f.labels;
END;
$$ LANGUAGE plpgsql;

-- Called by concord_agreement_refresh (agreement.sql) for every change to annotations, after the
-- item's pattern row is locked; its delete trigger drops the rows of deleted definitions. Triggers
-- of an earlier text of this file, replaced by that call:
DROP TRIGGER IF EXISTS "annotations_agreement_pairs_insert" ON "annotations";
DROP TRIGGER IF EXISTS "annotations_agreement_pairs_update" ON "annotations";
DROP TRIGGER IF EXISTS "annotations_agreement_pairs_delete" ON "annotations";

-- The first run counts what is already there (later runs find the table filled and skip this).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM agreement_item_labels) THEN
        PERFORM concord_agreement_pairs_refresh(array_agg(definition_id), array_agg(item_id))
           FROM (SELECT DISTINCT definition_id, item_id FROM annotations WHERE is_current AND value IS NOT NULL) c;
    END IF;
END $$;
