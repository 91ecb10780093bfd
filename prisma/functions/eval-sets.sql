-- Frozen eval sets (docs/decisions/006-frozen-eval-sets.md). Each function is fired by the trigger of
-- the same name (defined in the migrations; refuse_truncate by the *_no_truncate ones).
-- The current text of these functions: edit it here, not in a migration (docs/decisions/002-sql-migrations.md).

-- Sealing (once, in the freezing transaction) is the only change to a version; the frozen_by link
-- may be cleared when that user is deleted. A version goes only with its eval set's project.
CREATE OR REPLACE FUNCTION "eval_set_versions_immutable"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.sealed_at IS NULL AND NEW.sealed_at IS NOT NULL
       AND (NEW.id, NEW.eval_set_id, NEW.version, NEW.filter, NEW.frozen_by_id, NEW.created_at)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.eval_set_id, OLD.version, OLD.filter, OLD.frozen_by_id, OLD.created_at) THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 AND NEW.frozen_by_id IS NULL
       AND (NEW.id, NEW.eval_set_id, NEW.version, NEW.filter, NEW.item_count, NEW.byte_count, NEW.sha256,
            NEW.columns, NEW.manifest, NEW.created_at, NEW.sealed_at)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.eval_set_id, OLD.version, OLD.filter, OLD.item_count, OLD.byte_count, OLD.sha256,
            OLD.columns, OLD.manifest, OLD.created_at, OLD.sealed_at) THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
        RETURN OLD; -- cascading from its eval set's project being deleted
    END IF;
    RAISE EXCEPTION 'frozen eval-set versions are immutable: freeze a new version instead'
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;

-- A version must be sealed by the end of the transaction that creates it: no half-frozen version
-- can ever be seen or exported.
CREATE OR REPLACE FUNCTION "eval_set_versions_sealed_at_commit"() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM "eval_set_versions" WHERE "id" = NEW.id AND "sealed_at" IS NULL) THEN
        RAISE EXCEPTION 'eval-set version % was not sealed before commit', NEW.version
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- Frozen rows are never updated or deleted (a statement-level check: one test per statement, not
-- per row, which matters for a version of a million items going with its project).
CREATE OR REPLACE FUNCTION "eval_set_items_immutable"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
        RETURN NULL; -- cascading from its version's eval set or project being deleted
    END IF;
    RAISE EXCEPTION 'frozen eval-set items are immutable: freeze a new version instead'
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;

-- Items are added only to a version that is still being frozen.
CREATE OR REPLACE FUNCTION "eval_set_items_insert_unsealed"() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM "inserted" i JOIN "eval_set_versions" v ON v."id" = i."version_id"
                WHERE v."sealed_at" IS NOT NULL) THEN
        RAISE EXCEPTION 'frozen eval-set versions are immutable: freeze a new version instead'
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- An eval set with a frozen version goes only with its project; TRUNCATE is refused outright.
CREATE OR REPLACE FUNCTION "eval_sets_keep_frozen"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND pg_trigger_depth() <= 1
       AND EXISTS (SELECT 1 FROM "eval_set_versions" WHERE "eval_set_id" = OLD.id) THEN
        RAISE EXCEPTION 'eval set "%" has frozen versions and cannot be deleted', OLD.name
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;

-- TRUNCATE skips row triggers: the history tables (eval_set_versions, eval_sets, adjudications)
-- refuse it outright.
CREATE OR REPLACE FUNCTION "refuse_truncate"() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% cannot be truncated: it holds history', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
