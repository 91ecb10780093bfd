-- Review states (docs/decisions/029-review-states.md): every write that can change an item's final
-- labels marks its review_states row stale, in the writer's transaction. The rule itself is not
-- here: readers recompute stale rows with lib/final-labels (one definition of the rule).
-- The current text of these functions: edit it here, not in a migration (docs/decisions/002-sql-migrations.md).

-- Marks these items stale (creating their rows), in item order so two writers lock in one order.
-- Joining items skips items deleted in the same statement (a cascade).
-- Its statement takes an array, so PostgreSQL planned it anew on every submit (0.34 ms each, seen with
-- pg_stat_statements on bench:queue); the generic plan reads the items' primary key for any length.
CREATE OR REPLACE FUNCTION concord_review_touch(p_items bigint[]) RETURNS void AS $$
    INSERT INTO review_states AS s (item_id, project_id)
    SELECT i.id, i.project_id FROM items i WHERE i.id = ANY(p_items) ORDER BY i.id
    ON CONFLICT (item_id) DO UPDATE SET is_stale = true, change_seq = s.change_seq + 1;
$$ LANGUAGE sql SET plan_cache_mode = force_generic_plan;

-- A rule, a definition or its current version changed: every item of the project may read otherwise.
CREATE OR REPLACE FUNCTION concord_review_touch_project(p_project uuid) RETURNS void AS $$
    UPDATE review_states SET is_stale = true, change_seq = change_seq + 1 WHERE project_id = p_project;
$$ LANGUAGE sql;

-- Inserted, retired or deleted rows (each trigger names its transition table "changed").
CREATE OR REPLACE FUNCTION concord_review_track() RETURNS trigger AS $$
BEGIN
    PERFORM concord_review_touch(array_agg(DISTINCT item_id)) FROM changed;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- An item or a campaign's item reached (or left) its overlap: completeness and counted relabels
-- change. Only items with a row (with annotations) can be in a queue.
CREATE OR REPLACE FUNCTION concord_review_track_item_row() RETURNS trigger AS $$
DECLARE
    v_item bigint;
BEGIN
    IF TG_TABLE_NAME = 'items' THEN
        v_item := NEW.id;
    ELSIF TG_OP = 'DELETE' THEN
        v_item := OLD.item_id;
    ELSE
        v_item := NEW.item_id;
    END IF;
    UPDATE review_states SET is_stale = true, change_seq = change_seq + 1 WHERE item_id = v_item;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION concord_review_track_rule() RETURNS trigger AS $$
BEGIN
    PERFORM concord_review_touch_project(d.project_id)
       FROM label_definitions d
      WHERE d.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.definition_id ELSE NEW.definition_id END;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION concord_review_track_definition() RETURNS trigger AS $$
BEGIN
    PERFORM concord_review_touch_project(CASE WHEN TG_OP = 'DELETE' THEN OLD.project_id ELSE NEW.project_id END);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE TRIGGER "annotations_review_insert" AFTER INSERT ON "annotations"
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION concord_review_track();
CREATE OR REPLACE TRIGGER "annotations_review_update" AFTER UPDATE ON "annotations"
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION concord_review_track();
CREATE OR REPLACE TRIGGER "annotations_review_delete" AFTER DELETE ON "annotations"
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION concord_review_track();
CREATE OR REPLACE TRIGGER "adjudications_review_insert" AFTER INSERT ON "adjudications"
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION concord_review_track();
CREATE OR REPLACE TRIGGER "adjudications_review_delete" AFTER DELETE ON "adjudications"
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION concord_review_track();
CREATE OR REPLACE TRIGGER "items_review_completion"
    AFTER UPDATE OF "done_count", "target_count" ON "items" FOR EACH ROW
    WHEN ((OLD."done_count" >= OLD."target_count") IS DISTINCT FROM (NEW."done_count" >= NEW."target_count"))
    EXECUTE FUNCTION concord_review_track_item_row();
CREATE OR REPLACE TRIGGER "campaign_items_review_completion"
    AFTER UPDATE OF "done_count", "target_count" ON "campaign_items" FOR EACH ROW
    WHEN ((OLD."done_count" >= OLD."target_count") IS DISTINCT FROM (NEW."done_count" >= NEW."target_count"))
    EXECUTE FUNCTION concord_review_track_item_row();
CREATE OR REPLACE TRIGGER "campaign_items_review_delete" AFTER DELETE ON "campaign_items"
    FOR EACH ROW EXECUTE FUNCTION concord_review_track_item_row();
CREATE OR REPLACE TRIGGER "final_label_rules_review" AFTER INSERT OR UPDATE OR DELETE ON "final_label_rules"
    FOR EACH ROW EXECUTE FUNCTION concord_review_track_rule();
CREATE OR REPLACE TRIGGER "label_definitions_review" AFTER INSERT OR DELETE OR UPDATE OF "current_version" ON "label_definitions"
    FOR EACH ROW EXECUTE FUNCTION concord_review_track_definition();
