-- Fired by the trigger of the same name on annotations (defined in the migrations).
-- The current text of these functions: edit it here, not in a migration (docs/decisions/002-sql-migrations.md).

-- History is never overwritten: the only change allowed is retiring a revision (is_current true -> false).
CREATE OR REPLACE FUNCTION "annotations_append_only"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.is_current AND NOT NEW.is_current
       AND (NEW.id, NEW.assignment_id, NEW.project_id, NEW.item_id, NEW.user_id, NEW.definition_id,
            NEW.definition_version, NEW.value, NEW.revision, NEW.time_spent_ms, NEW.created_at)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.assignment_id, OLD.project_id, OLD.item_id, OLD.user_id, OLD.definition_id,
            OLD.definition_version, OLD.value, OLD.revision, OLD.time_spent_ms, OLD.created_at) THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
        RETURN OLD; -- cascading from its project, item, user or definition being deleted
    END IF;
    RAISE EXCEPTION 'annotations are append-only: submit a new revision instead'
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
