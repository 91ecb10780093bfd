-- The audit trail (docs/decisions/017-audit-and-webhooks.md): append-only, refused by this trigger.
-- The current text of these functions: edit it here, not in a migration (docs/decisions/002-sql-migrations.md).
-- The trigger is here, not in the migration, because a migration runs before this file and a
-- trigger needs its function to exist; CREATE OR REPLACE keeps a re-run of this file a no-op.

CREATE OR REPLACE FUNCTION "audit_events_append_only"() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only: % is refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
CREATE OR REPLACE TRIGGER "audit_events_append_only"
    BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();
