-- A claim no longer says "nothing left" while an item that needs the annotator is only locked for a
-- moment (someone's submit moving its counters, or someone's claim), and when it serves nothing it
-- says why (docs/decisions/004-queue.md, issue #16). concord_claim (…_queue_access) keeps checking
-- access and calls the body below, which replaces the one of …_queue_functions.

-- Why nothing was served: `done` (no item of the project needs this annotator) or `leased` (items
-- that need them are full only because of others' leases; `leaseExpiresAt` is the earliest of those
-- leases' expiry, when a slot may free). Reads the live leases of the project only (a partial index).
CREATE FUNCTION concord_claim_idle(p_project uuid, p_user uuid) RETURNS jsonb AS $$
    SELECT jsonb_build_object(
        'idle', jsonb_build_object(
            'state', CASE WHEN count(*) = 0 THEN 'done' ELSE 'leased' END,
            'leasedItems', count(DISTINCT a.item_id),
            'leaseExpiresAt', to_char(min(a.expires_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
      FROM assignments a JOIN items i ON i.id = a.item_id
     WHERE a.project_id = p_project AND a.status = 'leased' AND i.done_count < i.target_count
       AND NOT EXISTS (SELECT 1 FROM assignments m WHERE m.item_id = a.item_id AND m.user_id = p_user);
$$ LANGUAGE sql STABLE;

-- Waits (bounded) for the lock on an item another transaction holds, and returns it if it still has
-- a free slot once the lock is ours (READ COMMITTED re-checks the condition on the newest row), else
-- NULL. A wait that runs out (lock_timeout), or a deadlock, gives NULL too: the caller tries again.
CREATE FUNCTION concord_wait_for_item(p_item bigint, p_timeout text) RETURNS bigint AS $$
DECLARE
    v_item bigint;
    v_saved text := current_setting('lock_timeout');
BEGIN
    PERFORM set_config('lock_timeout', p_timeout, true);
    SELECT i.id INTO v_item FROM items i
     WHERE i.id = p_item AND i.done_count + i.lease_count < i.target_count
     FOR UPDATE OF i;
    PERFORM set_config('lock_timeout', v_saved, true);
    RETURN v_item;
EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
    -- The failed wait's subtransaction is rolled back, lock_timeout with it.
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- "My next item": the live lease if the annotator holds one, else a new lease on the first open
-- item never served to them (started first, then priority, then import order). When nothing is
-- served: {"idle": {...}} (concord_claim_idle).
--
-- The fast path is unchanged: FOR UPDATE SKIP LOCKED, so concurrent claimers never wait on each
-- other. Only when that finds nothing does the claim look again without locking; an item found then
-- is open but locked by someone else for a moment, so the claim waits for that row (at most 500 ms
-- a time, at most 8 times) and takes it if it still has a slot. Every round either serves an item or
-- sees one fill up, so the loop ends quickly; a row held longer than the bound (a lead's bulk change)
-- ends in CS503, "try again", never in a false "nothing left".
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
         ORDER BY (i.done_count + i.lease_count > 0) DESC, i.priority DESC, i.id
         LIMIT 1
         FOR UPDATE OF i SKIP LOCKED;
        EXIT WHEN v_item IS NOT NULL;
        SELECT i.id INTO v_candidate FROM items i
         WHERE i.project_id = p_project AND i.done_count + i.lease_count < i.target_count
           AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.item_id = i.id AND a.user_id = p_user)
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
