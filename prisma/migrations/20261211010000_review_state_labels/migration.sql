-- Review states keep each item's final labels (docs/decisions/036-stored-final-labels.md): per
-- definition id, {"l": the final label, "v": the versions its counted annotations answered, "k": the
-- label's value key}, written with the state by the readers that recompute stale rows. Rows stored
-- before this migration have none, so every row goes stale; the first readers recompute them, as after
-- a rule change.
ALTER TABLE "review_states" ADD COLUMN "labels" JSONB;
UPDATE "review_states" SET "is_stale" = true, "change_seq" = "change_seq" + 1;
