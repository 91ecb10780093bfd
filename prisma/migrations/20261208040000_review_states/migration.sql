-- The review queue reads an index, not every item (docs/decisions/029-review-states.md, issue #15).
-- One row per annotated item: what the final-label rule (TypeScript, lib/final-labels) made of it
-- when it was last computed, and whether something changed since (is_stale). Triggers in
-- prisma/functions/review-states.sql mark rows stale in the writer's transaction; readers recompute
-- stale rows with the rule's own code and keep the answer while change_seq is unchanged.
CREATE TABLE "review_states" (
    "item_id" BIGINT NOT NULL,
    "project_id" UUID NOT NULL,
    "is_stale" BOOLEAN NOT NULL DEFAULT true,
    -- Bumped by every mark: a reader stores its answer only if no change came in meanwhile.
    "change_seq" BIGINT NOT NULL DEFAULT 0,
    -- Some definition is unresolved and the item has counted annotations (the queue with includeIncomplete).
    "is_unresolved" BOOLEAN NOT NULL DEFAULT false,
    -- is_unresolved, and every annotator the item was meant for has submitted (the default queue).
    "needs_review" BOOLEAN NOT NULL DEFAULT false,
    -- The definitions whose own queue holds the item (unresolved, with annotations of that definition).
    "unresolved_ids" UUID[] NOT NULL DEFAULT '{}',
    CONSTRAINT "review_states_pkey" PRIMARY KEY ("item_id")
);
ALTER TABLE "review_states" ADD CONSTRAINT "review_states_item_id_fkey"
    FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "review_states_project_id_idx" ON "review_states"("project_id");
-- The queue's pages by keyset: only rows that may be in it (stale ones are checked on the way).
CREATE INDEX "review_states_queue_idx" ON "review_states"("project_id", "item_id") WHERE "is_stale" OR "needs_review";
CREATE INDEX "review_states_unresolved_idx" ON "review_states"("project_id", "item_id") WHERE "is_stale" OR "is_unresolved";

-- Every item with annotations already, stale: readers compute them the first time they pass.
INSERT INTO "review_states" ("item_id", "project_id")
SELECT DISTINCT "item_id", "project_id" FROM "annotations" WHERE "is_current";
