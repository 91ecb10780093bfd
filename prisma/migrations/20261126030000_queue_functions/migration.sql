-- The queue's hot paths as functions: one round trip per claim and per submit (see
-- docs/decisions/004-queue.md). The application still validates values (zod) before submitting.

-- Frees expired leases of a project (or of all projects when p_project is NULL). Item rows are
-- locked in id order, so concurrent reclaimers cannot deadlock on each other.
CREATE FUNCTION concord_reclaim_expired(p_project uuid, p_limit int) RETURNS int AS $$
DECLARE
    v_count int;
BEGIN
    WITH expired AS (
        SELECT id, item_id FROM assignments
         WHERE status = 'leased' AND expires_at < now() AND (p_project IS NULL OR project_id = p_project)
         ORDER BY expires_at LIMIT p_limit FOR UPDATE SKIP LOCKED),
    marked AS (
        UPDATE assignments a SET status = 'expired' FROM expired e WHERE a.id = e.id RETURNING a.item_id),
    per_item AS (SELECT item_id, count(*)::int AS n FROM marked GROUP BY item_id),
    locked AS (SELECT i.id FROM items i JOIN per_item p ON p.item_id = i.id ORDER BY i.id FOR UPDATE OF i)
    UPDATE items i SET lease_count = i.lease_count - p.n
      FROM per_item p WHERE i.id = p.item_id AND i.id IN (SELECT id FROM locked);
    GET DIAGNOSTICS v_count = ROW_COUNT;
    RETURN v_count;
END;
$$ LANGUAGE plpgsql;

-- The served payload of an assignment: the item and the definition versions it was served with.
CREATE FUNCTION concord_served(p_assignment bigint) RETURNS jsonb AS $$
    SELECT jsonb_build_object(
        'assignmentId', a.id::text,
        'expiresAt', to_char(a.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'item', jsonb_build_object('id', i.id::text, 'externalId', i.external_id, 'data', i.data, 'predictions', i.predictions),
        'definitions', coalesce((
            SELECT jsonb_agg(jsonb_build_object(
                       'key', d.key, 'version', v.version, 'kind', v.spec->>'kind', 'title', v.spec->>'title',
                       'required', (v.spec->>'required')::boolean, 'guidelines', v.spec->>'guidelines', 'spec', v.spec)
                   ORDER BY d.position)
              FROM jsonb_each_text(a.definition_versions) served
              JOIN label_definitions d ON d.project_id = a.project_id AND d.key = served.key
              JOIN label_definition_versions v ON v.definition_id = d.id AND v.version = served.value::int), '[]'::jsonb))
      FROM assignments a JOIN items i ON i.id = a.item_id
     WHERE a.id = p_assignment;
$$ LANGUAGE sql STABLE;

-- "My next item": the live lease if the annotator holds one, else a new lease on the first open
-- item never served to them (started first, then priority, then import order). NULL when none.
CREATE FUNCTION concord_claim(p_project uuid, p_user uuid) RETURNS jsonb AS $$
DECLARE
    v_assignment bigint;
    v_item bigint;
    v_lease int;
    v_versions jsonb;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended(p_project::text || ':' || p_user::text, 7));
    SELECT id INTO v_assignment FROM assignments
     WHERE project_id = p_project AND user_id = p_user AND status = 'leased' AND expires_at > now()
     ORDER BY id LIMIT 1;
    IF v_assignment IS NOT NULL THEN
        RETURN concord_served(v_assignment);
    END IF;
    PERFORM concord_reclaim_expired(p_project, 20);
    SELECT lease_seconds INTO v_lease FROM projects WHERE id = p_project AND archived_at IS NULL;
    IF v_lease IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT jsonb_object_agg(key, current_version) INTO v_versions FROM label_definitions WHERE project_id = p_project;
    IF v_versions IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT i.id INTO v_item FROM items i
     WHERE i.project_id = p_project AND i.done_count + i.lease_count < i.target_count
       AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.item_id = i.id AND a.user_id = p_user)
     ORDER BY (i.done_count + i.lease_count > 0) DESC, i.priority DESC, i.id
     LIMIT 1
     FOR UPDATE OF i SKIP LOCKED;
    IF v_item IS NULL THEN
        RETURN NULL;
    END IF;
    INSERT INTO assignments (project_id, item_id, user_id, definition_versions, expires_at)
    VALUES (p_project, v_item, p_user, v_versions, now() + make_interval(secs => v_lease))
    RETURNING id INTO v_assignment;
    UPDATE items SET lease_count = lease_count + 1 WHERE id = v_item;
    RETURN concord_served(v_assignment);
END;
$$ LANGUAGE plpgsql;

-- Completes an assignment with already-validated values ({key: value}). Returns {key: annotation id}.
-- A repeat returns the first submit's ids. Errors: CS409 (skipped, or the expired slot is taken).
CREATE FUNCTION concord_submit(p_assignment bigint, p_user uuid, p_values jsonb, p_time_ms int) RETURNS jsonb AS $$
DECLARE
    a assignments%ROWTYPE;
    v_ids jsonb;
BEGIN
    SELECT * INTO a FROM assignments WHERE id = p_assignment FOR UPDATE;
    IF NOT FOUND OR a.user_id <> p_user THEN
        RAISE EXCEPTION 'assignment not found' USING ERRCODE = 'CS404';
    END IF;
    IF a.status = 'submitted' THEN
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
$$ LANGUAGE plpgsql;
