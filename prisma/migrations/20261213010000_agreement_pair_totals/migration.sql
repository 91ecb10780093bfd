-- The folded sums of agreement_pair_deltas, one row per key, apart from the log (ADR 038). Folding
-- used to delete a definition's log and insert its sums back into the same table: after an import the
-- log had held millions of rows, and the sums went in after them, at the table's end, so VACUUM could
-- not give the space back and every drill-down scanned the empty pages too (189 MB for 30,000 live
-- rows at 1,000,000 items). Now a fold moves the log's rows into this table and the log, emptied,
-- shrinks. Readers sum both: the fold is one statement, so a snapshot sees the rows in one or the other.
CREATE TABLE "agreement_pair_totals" (
    "id" BIGSERIAL NOT NULL,
    "definition_id" UUID NOT NULL,
    "definition_version" INTEGER NOT NULL,
    "user_a" UUID NOT NULL,
    "user_b" UUID,
    "value_a" TEXT,
    "value_b" TEXT,
    "items" INTEGER NOT NULL,
    CONSTRAINT "agreement_pair_totals_pkey" PRIMARY KEY ("id")
);
-- One row per key; the rows counting an annotator's labels have no user_b or value_b, and are one key too.
CREATE UNIQUE INDEX "agreement_pair_totals_key" ON "agreement_pair_totals"
    ("definition_id", "definition_version", "user_a", "user_b", "value_a", "value_b") NULLS NOT DISTINCT;
