-- What an eval-set preview's cached candidates must notice (docs/decisions/037-incremental-candidates.md).
-- A write stamps the id of its transaction (pg_current_xact_id(), a 64-bit xid8, as a bigint): a
-- snapshot that began after that transaction ended sees the write, and any row a snapshot could not
-- see yet carries an id at or above that snapshot's xmin.
-- The current text of these functions: edit it here, not in a migration (docs/decisions/002-sql-migrations.md).

-- Every write of a review state (marked stale, recomputed, created), whoever writes it.
CREATE OR REPLACE FUNCTION concord_stamp_changed_xid() RETURNS trigger AS $$
BEGIN
    NEW.changed_xid := pg_current_xact_id()::text::bigint;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE TRIGGER "review_states_changed_xid" BEFORE INSERT OR UPDATE ON "review_states"
    FOR EACH ROW EXECUTE FUNCTION concord_stamp_changed_xid();

-- Items added or removed, a state removed (a cascade), a flag added or removed: one row per project
-- a statement touched. Rows, not a counter: an import holding a counter's lock for minutes would make
-- every annotator's flag wait for it.
CREATE OR REPLACE FUNCTION concord_log_candidate_change() RETURNS trigger AS $$
BEGIN
    -- A project being deleted (the cascade that removes its items) is gone already: nothing to log.
    INSERT INTO eval_candidate_changes (project_id, source)
    SELECT DISTINCT c.project_id, TG_ARGV[0] FROM changed c JOIN projects p ON p.id = c.project_id;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- An item moved to another batch (the app never does it; a filter by batch must still see it).
CREATE OR REPLACE FUNCTION concord_log_candidate_batch_change() RETURNS trigger AS $$
BEGIN
    INSERT INTO eval_candidate_changes (project_id, source) VALUES (NEW.project_id, 'items');
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE TRIGGER "items_candidate_insert" AFTER INSERT ON "items"
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION concord_log_candidate_change('items');
CREATE OR REPLACE TRIGGER "items_candidate_delete" AFTER DELETE ON "items"
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION concord_log_candidate_change('items');
CREATE OR REPLACE TRIGGER "items_candidate_batch" AFTER UPDATE OF "batch_id" ON "items" FOR EACH ROW
    WHEN (OLD."batch_id" IS DISTINCT FROM NEW."batch_id") EXECUTE FUNCTION concord_log_candidate_batch_change();
CREATE OR REPLACE TRIGGER "review_states_candidate_delete" AFTER DELETE ON "review_states"
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION concord_log_candidate_change('items');
CREATE OR REPLACE TRIGGER "item_flags_candidate_insert" AFTER INSERT ON "item_flags"
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION concord_log_candidate_change('flags');
CREATE OR REPLACE TRIGGER "item_flags_candidate_delete" AFTER DELETE ON "item_flags"
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION concord_log_candidate_change('flags');
