-- Which fold last wrote each folded total (ADR 038, "Later"): the fold's transaction id. Folds of a
-- definition's pair log run one at a time (an advisory lock) and take their id after the lock, so a
-- later fold always writes a larger one. A reader that keeps a definition's totals in memory asks
-- only for the rows written after the largest it has seen: none between folds, the fold's keys after
-- one, instead of every total (12,000 rows a read at 1,000,000 items). A key whose total falls to 0
-- stays, at 0, so that the reader learns of it too.
ALTER TABLE "agreement_pair_totals" ADD COLUMN "generation" BIGINT NOT NULL DEFAULT 0;
CREATE INDEX "agreement_pair_totals_generation_idx" ON "agreement_pair_totals"
    ("definition_id", "definition_version", "generation");
