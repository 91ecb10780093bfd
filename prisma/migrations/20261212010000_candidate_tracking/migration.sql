-- What an eval-set preview needs to bring its cached candidates up to date instead of filtering every
-- review state of the project (docs/decisions/037-incremental-candidates.md):
-- - each review state's row carries the id of the transaction that last wrote it (as a bigint: the
--   64-bit xid8 of pg_current_xact_id(), set by a trigger in prisma/functions/eval-candidates.sql);
--   the rows written by transactions a snapshot could not see yet are those with an id at or above
--   that snapshot's xmin;
-- - the other inputs of a filter (the project's items, their batches and flags, deleted states) log a
--   row per writing statement with its transaction's id, the same way.
ALTER TABLE "review_states" ADD COLUMN "changed_xid" BIGINT NOT NULL DEFAULT (pg_current_xact_id())::text::bigint;
CREATE INDEX "review_states_project_id_changed_xid_idx" ON "review_states"("project_id", "changed_xid");

CREATE TABLE "eval_candidate_changes" (
    "id" BIGSERIAL NOT NULL,
    "project_id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "changed_xid" BIGINT NOT NULL DEFAULT (pg_current_xact_id())::text::bigint,
    CONSTRAINT "eval_candidate_changes_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "eval_candidate_changes_source_check" CHECK ("source" IN ('items', 'flags'))
);
CREATE INDEX "eval_candidate_changes_project_id_changed_xid_idx" ON "eval_candidate_changes"("project_id", "changed_xid");
ALTER TABLE "eval_candidate_changes" ADD CONSTRAINT "eval_candidate_changes_project_id_fkey"
    FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
