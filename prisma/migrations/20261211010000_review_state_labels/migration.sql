-- Review states keep each item's final labels (docs/decisions/036-stored-final-labels.md): per
-- definition id, {"l": the final label, "v": the versions its counted annotations answered, "k": the
-- label's value key}, written with the state by the readers that recompute stale rows. Rows stored
-- before this migration have none, so every row goes stale; the first readers recompute them, as after
-- a rule change.
ALTER TABLE "review_states" ADD COLUMN "labels" JSONB;
UPDATE "review_states" SET "is_stale" = true, "change_seq" = "change_seq" + 1;

-- The stale rows of a project, for the readers that recompute every one of them (the eval-set preview
-- and freeze). The queue's partial indexes also hold the items awaiting review.
CREATE INDEX "review_states_stale_idx" ON "review_states"("project_id", "item_id") WHERE "is_stale";
