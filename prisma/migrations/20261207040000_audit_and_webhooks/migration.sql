-- The audit trail: who changed what, when. Rows are written in the transaction of the change they
-- record (lib/server/audit/record-audit-event.ts), so a change and its audit row commit together or
-- not at all. No foreign keys: the trail outlives the projects and users it names (actor_name keeps
-- the name as it was), and a cascade would have to delete or update rows the trigger protects.
CREATE TABLE "audit_events" (
    "id" BIGSERIAL PRIMARY KEY,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "project_id" UUID,
    "actor_id" UUID,
    "actor_name" TEXT,
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}'
);
CREATE INDEX "audit_events_project_id_id_idx" ON "audit_events" ("project_id", "id");

-- audit_events_append_only (function and trigger): prisma/functions/audit.sql.
CREATE TRIGGER "audit_events_no_truncate"
    BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate"();

-- An eval set's release gate: {minAlpha?, minCiLow?, minAnnotations?}; null: none.
ALTER TABLE "eval_sets" ADD COLUMN "gate" JSONB;

-- Webhooks. The secret is kept as given (whsec_<base64>): delivery signs with it, so a hash would
-- not do (docs/decisions/017-audit-and-webhooks.md says why it is not encrypted either).
CREATE TABLE "webhooks" (
    "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    "project_id" UUID NOT NULL REFERENCES "projects"("id") ON DELETE CASCADE,
    "url" TEXT NOT NULL,
    "events" JSONB NOT NULL, -- an array of event types
    "secret" TEXT NOT NULL,
    "created_by_id" UUID REFERENCES "users"("id") ON DELETE SET NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE INDEX "webhooks_project_id_idx" ON "webhooks" ("project_id");

-- The outbox: one row per event and hook, inserted in the transaction of the event, so an event is
-- announced if and only if it happened. The app processes deliver them (SKIP LOCKED claims, a lease
-- in next_attempt_at while a delivery is under way); the row is also the delivery log.
CREATE TABLE "webhook_outbox" (
    "id" BIGSERIAL PRIMARY KEY,
    "webhook_id" UUID NOT NULL REFERENCES "webhooks"("id") ON DELETE CASCADE,
    "event_id" TEXT NOT NULL DEFAULT ('msg_' || replace(gen_random_uuid()::text, '-', '')),
    "event_type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "delivered_at" TIMESTAMPTZ(3),
    "failed_at" TIMESTAMPTZ(3),
    "last_status" INTEGER,
    "last_duration_ms" INTEGER,
    "last_error" TEXT
);
CREATE INDEX "webhook_outbox_webhook_id_id_idx" ON "webhook_outbox" ("webhook_id", "id");
CREATE INDEX "webhook_outbox_due_idx" ON "webhook_outbox" ("next_attempt_at")
    WHERE "delivered_at" IS NULL AND "failed_at" IS NULL;

-- concord_enqueue_webhook, items_announce_completion and its trigger: prisma/functions/webhooks.sql.
