-- Open and started items per project (docs/decisions/035-item-state-counts.md): the project overview
-- counted them in the queue's partial index, about 300 ms with 400,000 open items (bench:pages), and
-- that grew with the open work. Each item is in one state: 0 not started, 1 started (some annotator
-- holds or has done a slot, a slot is still free), 2 closed (no slot free: the queue's partial index
-- leaves it out). A change of state appends a +/- row to item_state_deltas; the reader sums the
-- project's rows and folds them when they pile up. Rows, not counters: fifty annotators finishing
-- items at once would all wait on one counter row's lock.
-- The current text of these functions: edit it here, not in a migration (docs/decisions/002-sql-migrations.md).

CREATE OR REPLACE FUNCTION concord_item_state(p_done int, p_leased int, p_target int) RETURNS int AS $$
    SELECT CASE WHEN p_done + p_leased >= p_target THEN 2 WHEN p_done + p_leased > 0 THEN 1 ELSE 0 END;
$$ LANGUAGE sql IMMUTABLE;

-- One item changed state (a claim started it, a submit or a lease closed it, an expiry reopened it).
CREATE OR REPLACE FUNCTION concord_item_state_track_row() RETURNS trigger AS $$
DECLARE
    v_old int := concord_item_state(OLD.done_count, OLD.lease_count, OLD.target_count);
    v_new int := concord_item_state(NEW.done_count, NEW.lease_count, NEW.target_count);
BEGIN
    INSERT INTO item_state_deltas (project_id, open_items, started_items)
    VALUES (NEW.project_id, (v_new < 2)::int - (v_old < 2)::int, (v_new = 1)::int - (v_old = 1)::int);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- Items added (a batch, an import with its labels) or deleted: one row per project and statement,
-- subtracted for deletes; none for a project deleted with its items (its rows cascade).
CREATE OR REPLACE FUNCTION concord_item_state_track_rows() RETURNS trigger AS $$
DECLARE
    v_sign int := CASE TG_OP WHEN 'DELETE' THEN -1 ELSE 1 END;
BEGIN
    INSERT INTO item_state_deltas (project_id, open_items, started_items)
    SELECT c.project_id,
           v_sign * count(*) FILTER (WHERE concord_item_state(c.done_count, c.lease_count, c.target_count) < 2),
           v_sign * count(*) FILTER (WHERE concord_item_state(c.done_count, c.lease_count, c.target_count) = 1)
      FROM changed c JOIN projects p ON p.id = c.project_id GROUP BY c.project_id;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- The project's counts; folds its rows into one once they are more than a few hundred. Safe beside
-- concurrent writers and readers: the DELETE takes the rows its snapshot sees and the INSERT puts back
-- their sum; rows committed meanwhile stay, and a concurrent fold skips the rows this one deleted.
CREATE OR REPLACE FUNCTION concord_item_state_counts(p_project uuid) RETURNS TABLE (open_count int, started_count int) AS $$
DECLARE
    v_rows int;
BEGIN
    SELECT coalesce(sum(d.open_items), 0)::int, coalesce(sum(d.started_items), 0)::int, count(*)::int
      INTO open_count, started_count, v_rows
      FROM item_state_deltas d WHERE d.project_id = p_project;
    IF v_rows > 256 THEN
        WITH folded AS (DELETE FROM item_state_deltas d WHERE d.project_id = p_project RETURNING d.open_items, d.started_items)
        INSERT INTO item_state_deltas (project_id, open_items, started_items)
        SELECT p_project, sum(f.open_items), sum(f.started_items) FROM folded f HAVING count(*) > 0;
    END IF;
    RETURN NEXT;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE TRIGGER "items_state_count_update"
    AFTER UPDATE OF "done_count", "lease_count", "target_count" ON "items" FOR EACH ROW
    WHEN (concord_item_state(OLD."done_count", OLD."lease_count", OLD."target_count")
          IS DISTINCT FROM concord_item_state(NEW."done_count", NEW."lease_count", NEW."target_count"))
    EXECUTE FUNCTION concord_item_state_track_row();
CREATE OR REPLACE TRIGGER "items_state_count_insert" AFTER INSERT ON "items"
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION concord_item_state_track_rows();
CREATE OR REPLACE TRIGGER "items_state_count_delete" AFTER DELETE ON "items"
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION concord_item_state_track_rows();
