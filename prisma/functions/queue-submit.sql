-- The queue's submit, one round trip (docs/decisions/004-queue.md). concord_submit (queue-access.sql)
-- checks access, then calls concord_submit_unchecked. The application validates values (zod) first.
-- The current text of these functions: edit it here, not in a migration (docs/decisions/002-sql-migrations.md).

-- Completes an assignment with already-validated values ({key: value}). Returns {key: annotation id}.
-- Errors: CS404 (not the user's), CS409 (skipped, or the expired slot is taken).
-- A repeated submit is safe only when it repeats the values: it returns the first submit's ids. One
-- with other values is refused (CS409) with a pointer to the revision, which keeps history. The values
-- are compared with the current revision, as stored (SQL NULL and JSON null alike); the time spent
-- does not count, a retry may measure it anew.
CREATE OR REPLACE FUNCTION concord_submit_unchecked(p_assignment bigint, p_user uuid, p_values jsonb, p_time_ms int) RETURNS jsonb AS $$
DECLARE
    a assignments%ROWTYPE;
    v_ids jsonb;
BEGIN
    SELECT * INTO a FROM assignments WHERE id = p_assignment FOR UPDATE;
    IF NOT FOUND OR a.user_id <> p_user THEN
        RAISE EXCEPTION 'assignment not found' USING ERRCODE = 'CS404';
    END IF;
    IF a.status = 'submitted' THEN
        IF EXISTS (SELECT 1 FROM annotations n JOIN label_definitions d ON d.id = n.definition_id
                    WHERE n.assignment_id = p_assignment AND n.is_current
                      AND coalesce(n.value, 'null'::jsonb) IS DISTINCT FROM coalesce(p_values->d.key, 'null'::jsonb)) THEN
            RAISE EXCEPTION 'You already submitted this item with other values; to change them, revise your annotation (PUT /assignments/%/annotations).', p_assignment
                USING ERRCODE = 'CS409';
        END IF;
        SELECT jsonb_object_agg(d.key, n.id::text) INTO v_ids
          FROM annotations n JOIN label_definitions d ON d.id = n.definition_id
         WHERE n.assignment_id = p_assignment AND n.revision = 1;
        RETURN coalesce(v_ids, '{}'::jsonb);
    END IF;
    IF a.status = 'skipped' THEN
        RAISE EXCEPTION 'You skipped this item; it cannot be submitted.' USING ERRCODE = 'CS409';
    END IF;
    IF a.status = 'leased' THEN
        UPDATE items SET lease_count = lease_count - 1, done_count = done_count + 1 WHERE id = a.item_id;
    ELSE
        UPDATE items SET done_count = done_count + 1
         WHERE id = a.item_id AND done_count + lease_count < target_count;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'Your lease on this item expired and another annotator took the slot; nothing was saved.'
                USING ERRCODE = 'CS409';
        END IF;
    END IF;
    WITH inserted AS (
        INSERT INTO annotations (assignment_id, project_id, item_id, user_id, definition_id, definition_version, value, time_spent_ms)
        SELECT a.id, a.project_id, a.item_id, a.user_id, d.id, served.value::int, NULLIF(p_values->d.key, 'null'::jsonb), p_time_ms
          FROM jsonb_each_text(a.definition_versions) served
          JOIN label_definitions d ON d.project_id = a.project_id AND d.key = served.key
        RETURNING id, definition_id)
    SELECT jsonb_object_agg(d.key, ins.id::text) INTO v_ids
      FROM inserted ins JOIN label_definitions d ON d.id = ins.definition_id;
    UPDATE assignments SET status = 'submitted', submitted_at = now() WHERE id = a.id;
    RETURN coalesce(v_ids, '{}'::jsonb);
END;
$$ LANGUAGE plpgsql SET enable_seqscan = off;
