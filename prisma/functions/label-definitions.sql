-- Fired by the trigger of the same name on label_definition_versions (defined in the migrations).
-- The current text of these functions: edit it here, not in a migration (docs/decisions/002-sql-migrations.md).

-- A version, once written, is history: annotations cite it. Only the user link may be cleared
-- (when that user is deleted); a whole definition goes only with its project.
CREATE OR REPLACE FUNCTION "label_definition_versions_immutable"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.created_by_id IS NULL
       AND (NEW.id, NEW.definition_id, NEW.version, NEW.spec, NEW.spec_hash, NEW.guidelines_hash, NEW.created_at)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.definition_id, OLD.version, OLD.spec, OLD.spec_hash, OLD.guidelines_hash, OLD.created_at) THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
        RETURN OLD; -- cascading from its definition's project being deleted
    END IF;
    RAISE EXCEPTION 'label definition versions are immutable: add a new version instead'
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
