-- The queue's access checks move into its SQL functions, so a claim and a submit are each one
-- round trip (docs/decisions/004-queue.md), and API callers can be cached per process, with every
-- change that could revoke a caller announced to all processes on the channel `concord_auth`.

-- May this user label in this project: a lead or annotator there, or an admin.
CREATE FUNCTION concord_may_label(p_project uuid, p_user uuid) RETURNS boolean AS $$
    SELECT EXISTS (SELECT 1 FROM memberships m
                    WHERE m.project_id = p_project AND m.user_id = p_user AND m.role IN ('annotator', 'lead'))
        OR EXISTS (SELECT 1 FROM users u WHERE u.id = p_user AND u.is_admin);
$$ LANGUAGE sql STABLE;

-- As before, after an access check, and reclaiming only when something expired: CS404 when the project does not exist or the user is not in it
-- (they learn nothing), CS403 when their role there cannot label.
CREATE OR REPLACE FUNCTION concord_claim(p_project uuid, p_user uuid) RETURNS jsonb AS $$
DECLARE
    v_assignment bigint;
    v_item bigint;
    v_lease int;
    v_archived boolean;
    v_role text;
    v_versions jsonb;
BEGIN
    SELECT p.lease_seconds, p.archived_at IS NOT NULL, m.role::text INTO v_lease, v_archived, v_role
      FROM projects p LEFT JOIN memberships m ON m.project_id = p.id AND m.user_id = p_user
     WHERE p.id = p_project;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'project not found' USING ERRCODE = 'CS404';
    END IF;
    IF v_role IS DISTINCT FROM 'annotator' AND v_role IS DISTINCT FROM 'lead'
       AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = p_user AND u.is_admin) THEN
        IF v_role IS NULL THEN
            RAISE EXCEPTION 'project not found' USING ERRCODE = 'CS404';
        END IF;
        RAISE EXCEPTION 'This needs the annotator or lead role in the project.' USING ERRCODE = 'CS403';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended(p_project::text || ':' || p_user::text, 7));
    SELECT id INTO v_assignment FROM assignments
     WHERE project_id = p_project AND user_id = p_user AND status = 'leased' AND expires_at > now()
     ORDER BY id LIMIT 1;
    IF v_assignment IS NOT NULL THEN
        RETURN concord_served(v_assignment);
    END IF;
    IF v_archived THEN
        RETURN NULL;
    END IF;
    -- Reclaiming is a four-step write; look first (one probe of the partial index of live leases).
    IF EXISTS (SELECT 1 FROM assignments
                WHERE project_id = p_project AND status = 'leased' AND expires_at < now()) THEN
        PERFORM concord_reclaim_expired(p_project, 20);
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

-- As before, and an assignment of a project the user may no longer label in is a CS404.
CREATE OR REPLACE FUNCTION concord_submit(p_assignment bigint, p_user uuid, p_values jsonb, p_time_ms int) RETURNS jsonb AS $$
DECLARE
    a assignments%ROWTYPE;
    v_ids jsonb;
BEGIN
    SELECT * INTO a FROM assignments WHERE id = p_assignment FOR UPDATE;
    IF NOT FOUND OR a.user_id <> p_user OR NOT concord_may_label(a.project_id, p_user) THEN
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

-- Whatever could end an API caller's access (a revoked or deleted token, a disabled, demoted,
-- renamed or deleted user) is announced, so every process drops the callers it cached.
CREATE FUNCTION concord_notify_auth_changed() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('concord_auth', TG_TABLE_NAME);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER api_tokens_auth_changed
    AFTER UPDATE OF token_hash, user_id, revoked_at OR DELETE ON api_tokens
    FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_auth_changed();

CREATE TRIGGER users_auth_changed
    AFTER UPDATE OF email, name, is_admin, disabled_at OR DELETE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_auth_changed();
