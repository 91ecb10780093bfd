-- Items reserved for named annotators (…_people, docs/decisions/019-people-invitations-sso.md) are
-- served to those annotators only. The claim and its "why nothing" answer gain one condition each;
-- everything else is the text of …_claim_waits_for_locked.
--
-- Cost: `NOT i.reserved` is true for every item of a project without reservations, and PostgreSQL
-- evaluates an OR's arms in order, so the look-up in item_assignees (its primary key) runs only for
-- reserved items; a project that never reserves anything runs the claim it ran before.

CREATE OR REPLACE FUNCTION concord_claim_idle(p_project uuid, p_user uuid) RETURNS jsonb AS $$
    SELECT jsonb_build_object(
        'idle', jsonb_build_object(
            'state', CASE WHEN count(*) = 0 THEN 'done' ELSE 'leased' END,
            'leasedItems', count(DISTINCT a.item_id),
            'leaseExpiresAt', to_char(min(a.expires_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
      FROM assignments a JOIN items i ON i.id = a.item_id
     WHERE a.project_id = p_project AND a.status = 'leased' AND i.done_count < i.target_count
       AND NOT EXISTS (SELECT 1 FROM assignments m WHERE m.item_id = a.item_id AND m.user_id = p_user)
       AND (NOT i.reserved
            OR EXISTS (SELECT 1 FROM item_assignees x WHERE x.item_id = a.item_id AND x.user_id = p_user));
$$ LANGUAGE sql STABLE;

CREATE OR REPLACE FUNCTION concord_claim_unchecked(p_project uuid, p_user uuid) RETURNS jsonb AS $$
DECLARE
    v_assignment bigint;
    v_item bigint;
    v_candidate bigint;
    v_lease int;
    v_versions jsonb;
    v_waits int := 0;
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
    SELECT jsonb_object_agg(key, current_version) INTO v_versions FROM label_definitions WHERE project_id = p_project;
    IF v_lease IS NULL OR v_versions IS NULL THEN
        -- An archived project, or one with nothing to label yet: nothing to wait for either.
        RETURN jsonb_build_object('idle', jsonb_build_object('state', 'done', 'leasedItems', 0, 'leaseExpiresAt', NULL));
    END IF;
    LOOP
        SELECT i.id INTO v_item FROM items i
         WHERE i.project_id = p_project AND i.done_count + i.lease_count < i.target_count
           AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.item_id = i.id AND a.user_id = p_user)
           AND (NOT i.reserved
                OR EXISTS (SELECT 1 FROM item_assignees x WHERE x.item_id = i.id AND x.user_id = p_user))
         ORDER BY (i.done_count + i.lease_count > 0) DESC, i.priority DESC, i.id
         LIMIT 1
         FOR UPDATE OF i SKIP LOCKED;
        EXIT WHEN v_item IS NOT NULL;
        SELECT i.id INTO v_candidate FROM items i
         WHERE i.project_id = p_project AND i.done_count + i.lease_count < i.target_count
           AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.item_id = i.id AND a.user_id = p_user)
           AND (NOT i.reserved
                OR EXISTS (SELECT 1 FROM item_assignees x WHERE x.item_id = i.id AND x.user_id = p_user))
         ORDER BY (i.done_count + i.lease_count > 0) DESC, i.priority DESC, i.id
         LIMIT 1;
        IF v_candidate IS NULL THEN
            RETURN concord_claim_idle(p_project, p_user);
        END IF;
        IF v_waits = 8 THEN
            RAISE EXCEPTION 'Items are waiting for you but are busy right now; try again in a moment.'
                USING ERRCODE = 'CS503';
        END IF;
        v_waits := v_waits + 1;
        -- No one else can serve this annotator meanwhile (the advisory lock), so the candidate stays
        -- never-served to them: only its counters need checking again.
        v_item := concord_wait_for_item(v_candidate, '500ms');
        EXIT WHEN v_item IS NOT NULL;
    END LOOP;
    INSERT INTO assignments (project_id, item_id, user_id, definition_versions, expires_at)
    VALUES (p_project, v_item, p_user, v_versions, now() + make_interval(secs => v_lease))
    RETURNING id INTO v_assignment;
    UPDATE items SET lease_count = lease_count + 1 WHERE id = v_item;
    RETURN concord_served(v_assignment);
END;
$$ LANGUAGE plpgsql;
