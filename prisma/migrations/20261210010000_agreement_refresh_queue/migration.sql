-- A submit's agreement refresh leaves its transaction (docs/decisions/034-deferred-agreement-refresh.md):
-- the annotation triggers append the (definition, item) pairs a small write touched, and the refresh
-- runs later, many pairs at once: in the app's background applier, or first thing in any read of the
-- rollups (concord_agreement_flush, prisma/functions/agreement.sql), so no reader sees them behind.
-- No foreign keys: a row outlives its item or definition harmlessly (the refresh joins both), and the
-- queue is drained within a second.
CREATE TABLE "agreement_refresh_queue" (
    "id" BIGSERIAL NOT NULL,
    "project_id" UUID NOT NULL,
    "definition_id" UUID NOT NULL,
    "item_id" BIGINT NOT NULL,
    CONSTRAINT "agreement_refresh_queue_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "agreement_refresh_queue_project_id_id_idx" ON "agreement_refresh_queue"("project_id", "id");
