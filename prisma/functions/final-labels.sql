-- Fired by the trigger of the same name on adjudications (defined in the migrations).
-- The current text of these functions: edit it here, not in a migration (docs/decisions/002-sql-migrations.md).

-- Only the links to deleted rows may change (cascades and SET NULL run one trigger level down).
CREATE OR REPLACE FUNCTION "adjudications_append_only"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 AND NEW.decided_by_id IS NULL
       AND (NEW.id, NEW.project_id, NEW.item_id, NEW.definition_id, NEW.definition_version, NEW.value,
            NEW.note, NEW.is_gold, NEW.created_at)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.project_id, OLD.item_id, OLD.definition_id, OLD.definition_version, OLD.value,
            OLD.note, OLD.is_gold, OLD.created_at) THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'adjudications are append-only: record a new decision instead'
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
