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

CREATE FUNCTION "audit_events_append_only"() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only: % is refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "audit_events_append_only"
    BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();
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

-- Announces one event to every hook of the project that subscribes to it: one statement, nothing
-- inserted (and almost nothing read) when no hook listens.
CREATE FUNCTION "concord_enqueue_webhook"(p_project uuid, p_type text, p_data jsonb) RETURNS void AS $$
    INSERT INTO "webhook_outbox" ("webhook_id", "event_type", "payload")
    SELECT w."id", p_type,
           jsonb_build_object('type', p_type,
                              'timestamp', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                              'data', p_data || jsonb_build_object('projectId', p_project))
      FROM "webhooks" w
     WHERE w."project_id" = p_project AND w."events" ? p_type;
$$ LANGUAGE sql;

-- item.completed and batch.completed come from the queue's counters, so the submit (one round trip
-- to concord_submit) needs no change: the trigger runs only on the update that completes an item.
-- batch.completed locks the batch row first, so of two items completing a batch concurrently the
-- later one sees the other committed and announces it exactly once.
CREATE FUNCTION "items_announce_completion"() RETURNS trigger AS $$
BEGIN
    PERFORM "concord_enqueue_webhook"(NEW."project_id", 'item.completed',
        jsonb_build_object('itemId', NEW."id"::text, 'externalId', NEW."external_id",
                           'batchId', NEW."batch_id", 'annotations', NEW."done_count"));
    IF EXISTS (SELECT 1 FROM "webhooks" w
                WHERE w."project_id" = NEW."project_id" AND w."events" ? 'batch.completed') THEN
        PERFORM 1 FROM "batches" WHERE "id" = NEW."batch_id" FOR UPDATE;
        IF NOT EXISTS (SELECT 1 FROM "items"
                        WHERE "batch_id" = NEW."batch_id" AND "id" <> NEW."id"
                          AND "done_count" < "target_count") THEN
            PERFORM "concord_enqueue_webhook"(NEW."project_id", 'batch.completed',
                (SELECT jsonb_build_object('batchId', b."id", 'name', b."name", 'items', b."item_count")
                   FROM "batches" b WHERE b."id" = NEW."batch_id"));
        END IF;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "items_announce_completion"
    AFTER UPDATE OF "done_count" ON "items" FOR EACH ROW
    WHEN (NEW."done_count" >= NEW."target_count" AND OLD."done_count" < OLD."target_count")
    EXECUTE FUNCTION "items_announce_completion"();
