-- Webhooks (docs/decisions/017-audit-and-webhooks.md): events go to the outbox in the transaction
-- that causes them. The current text of these functions: edit it here, not in a migration
-- (docs/decisions/002-sql-migrations.md). The trigger is here, not in the migration, because a
-- migration runs before this file and a trigger needs its function to exist; CREATE OR REPLACE
-- keeps a re-run of this file a no-op.

-- Announces one event to every hook of the project that subscribes to it: one statement, nothing
-- inserted (and almost nothing read) when no hook listens.
CREATE OR REPLACE FUNCTION "concord_enqueue_webhook"(p_project uuid, p_type text, p_data jsonb) RETURNS void AS $$
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
CREATE OR REPLACE FUNCTION "items_announce_completion"() RETURNS trigger AS $$
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
CREATE OR REPLACE TRIGGER "items_announce_completion"
    AFTER UPDATE OF "done_count" ON "items" FOR EACH ROW
    WHEN (NEW."done_count" >= NEW."target_count" AND OLD."done_count" < OLD."target_count")
    EXECUTE FUNCTION "items_announce_completion"();

-- campaign.completed: concord_submit sets completed_at on the submit that fills a campaign's last
-- item, so the audit row and the event come from a trigger on that one update, in the submit's
-- transaction (the submit stays one round trip and its text does not change). The actor is the
-- system: no one decided to complete the campaign, the last annotation did. The WHEN clause makes
-- it run once per campaign: completed_at is set once and never cleared.
CREATE OR REPLACE FUNCTION "campaigns_announce_completion"() RETURNS trigger AS $$
DECLARE
    v_facts jsonb;
BEGIN
    SELECT jsonb_build_object('name', NEW."name", 'definitionKey', d."key",
                              'definitionVersion', NEW."definition_version", 'items', NEW."item_count")
      INTO v_facts
      FROM "label_definitions" d WHERE d."id" = NEW."definition_id";
    INSERT INTO "audit_events" ("project_id", "actor_id", "actor_name", "action", "target_type", "target_id", "details")
    VALUES (NEW."project_id", NULL, NULL, 'campaign.completed', 'campaign', NEW."id"::text, v_facts);
    PERFORM "concord_enqueue_webhook"(NEW."project_id", 'campaign.completed',
        v_facts || jsonb_build_object('campaignId', NEW."id"::text));
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE OR REPLACE TRIGGER "campaigns_announce_completion"
    AFTER UPDATE OF "completed_at" ON "campaigns" FOR EACH ROW
    WHEN (OLD."completed_at" IS NULL AND NEW."completed_at" IS NOT NULL)
    EXECUTE FUNCTION "campaigns_announce_completion"();
