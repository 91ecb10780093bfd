-- The drill-down reads rollups, not a self-join of annotations (docs/decisions/029-review-states.md,
-- issue #15). The functions and triggers that keep these tables are in prisma/functions/agreement-pairs.sql,
-- which also counts what is already there the first time it runs (its logic is written once).

-- Each item's current non-null labels of a (non-span, non-feedback) definition, as the last refresh
-- counted them: [[annotator, version, value as JSON text], ...] in the order they were made. What the refresh subtracts when the
-- item changes; the row is also the lock that serialises refreshes of the item.
CREATE TABLE "agreement_item_labels" (
    "definition_id" UUID NOT NULL,
    "item_id" BIGINT NOT NULL,
    "labels" JSONB NOT NULL,
    CONSTRAINT "agreement_item_labels_pkey" PRIMARY KEY ("definition_id", "item_id")
);

-- Who agreed with whom, as an append-only log of +/- changes (as agreement_pattern_deltas): per
-- version (0: all), pair of annotators (a < b) and pair of values, the items where a gave value_a and
-- b gave value_b (each annotator's latest label per item). Rows with user_b NULL count user_a's
-- labels (value_a 'labels') and those on items someone else labeled too (value_a 'shared').
CREATE TABLE "agreement_pair_deltas" (
    "id" BIGSERIAL NOT NULL,
    "definition_id" UUID NOT NULL,
    "definition_version" INTEGER NOT NULL,
    "user_a" UUID NOT NULL,
    "user_b" UUID,
    "value_a" TEXT,
    "value_b" TEXT,
    "items" INTEGER NOT NULL,
    CONSTRAINT "agreement_pair_deltas_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "agreement_pair_deltas_definition_id_idx" ON "agreement_pair_deltas"("definition_id");

-- The drill-down's most disagreeing items: the items of a few patterns, by item id.
CREATE INDEX "agreement_item_patterns_pattern_idx"
    ON "agreement_item_patterns"("definition_id", "definition_version", "pattern", "item_id");
