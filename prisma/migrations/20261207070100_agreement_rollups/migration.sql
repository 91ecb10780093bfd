-- Agreement reads patterns, not annotations (docs/decisions/020-agreement-rollups.md, issue #15).
-- Every change to annotations refreshes, in the same transaction, three small tables the dashboard
-- reads instead of millions of rows: the functions and their triggers are in prisma/functions/agreement.sql.

-- Each item's current values for a definition version (0: all versions together), its pattern: the
-- array of its non-null current annotations' values (in the order of their JSON text), with the week of the latest of them and the item's
-- batch. The version-0 row of (definition, item) is the lock that serialises refreshes of that item.
CREATE TABLE "agreement_item_patterns" (
    "definition_id" UUID NOT NULL,
    "definition_version" INTEGER NOT NULL,
    "item_id" BIGINT NOT NULL,
    "ratings" INTEGER NOT NULL,
    "pattern" JSONB NOT NULL,
    "week" TIMESTAMPTZ(3),
    "batch_id" UUID,
    CONSTRAINT "agreement_item_patterns_pkey" PRIMARY KEY ("definition_id", "definition_version", "item_id")
);

-- How many items have each pattern, as an append-only log of +/- changes: writers only insert, so
-- concurrent submits never wait on a shared counter row; readers sum it and fold it (compaction).
CREATE TABLE "agreement_pattern_deltas" (
    "id" BIGSERIAL NOT NULL,
    "definition_id" UUID NOT NULL,
    "definition_version" INTEGER NOT NULL,
    "ratings" INTEGER NOT NULL,
    "pattern" JSONB NOT NULL,
    "week" TIMESTAMPTZ(3) NOT NULL,
    "batch_id" UUID,
    "items" INTEGER NOT NULL,
    CONSTRAINT "agreement_pattern_deltas_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "agreement_pattern_deltas_definition_id_idx" ON "agreement_pattern_deltas"("definition_id");

-- Who labelled, per definition version: current non-null annotations per annotator.
CREATE TABLE "agreement_annotators" (
    "definition_id" UUID NOT NULL,
    "definition_version" INTEGER NOT NULL,
    "user_id" UUID NOT NULL,
    "ratings" INTEGER NOT NULL,
    CONSTRAINT "agreement_annotators_pkey" PRIMARY KEY ("definition_id", "definition_version", "user_id")
);

-- What is there already, counted as the triggers (prisma/functions/agreement.sql) count it from now on.
INSERT INTO agreement_item_patterns (definition_id, definition_version, item_id, ratings, pattern, week, batch_id)
SELECT a.definition_id, coalesce(a.definition_version, 0), a.item_id, count(*)::int,
       jsonb_agg(a.value ORDER BY a.value::text),
       date_bin('7 days', max(a.created_at), TIMESTAMPTZ '2000-01-03 00:00:00+00'), i.batch_id
  FROM annotations a
  JOIN items i ON i.id = a.item_id
  JOIN label_definitions ld ON ld.id = a.definition_id AND ld.kind NOT IN ('spans', 'ranking', 'rubric')
 WHERE a.is_current AND a.value IS NOT NULL
 GROUP BY GROUPING SETS ((a.definition_id, a.item_id, i.batch_id, a.definition_version), (a.definition_id, a.item_id, i.batch_id));
INSERT INTO agreement_pattern_deltas (definition_id, definition_version, ratings, pattern, week, batch_id, items)
SELECT definition_id, definition_version, ratings, pattern, week, batch_id, count(*)::int
  FROM agreement_item_patterns GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO agreement_annotators (definition_id, definition_version, user_id, ratings)
SELECT definition_id, definition_version, user_id, count(*)::int FROM annotations
 WHERE is_current AND value IS NOT NULL GROUP BY 1, 2, 3;
