-- The queue's claim, one round trip (docs/decisions/004-queue.md). concord_claim (queue-access.sql)
-- checks access, then calls concord_claim_unchecked.
-- The current text of these functions: edit it here, not in a migration (docs/decisions/002-sql-migrations.md).
--
-- `SET enable_seqscan = off` on the queue's functions (here, queue-access.sql, queue-submit.sql):
-- they keep their plans for the life of a connection (PL/pgSQL and, since PostgreSQL 18, SQL
-- functions cache them). A plan made while `assignments` was small read it whole (`Nested Loop
-- Anti Join -> Seq Scan on assignments` under the claim's pick, the live-lease lookup, the reclaim),
-- because a scan of a few pages is cheaper than an index then, and it stayed cached until an ANALYZE
-- invalidated it: with millions of past assignments every claim on that connection read them all
-- (issue #15). Every statement here is meant to read through an index (the open-items index, the
-- (item, annotator) key, the live-lease index, primary keys), so sequential scans are off inside
-- them: PostgreSQL then prefers any plan without a disabled node, whatever the table's size when the
-- plan was made, and the cached generic plan is the index plan; cheaper than re-planning every
-- statement on every claim. lib/server/queue/claim-generic-plan.integration.test.ts reads the plans.

-- Campaign leases, like ordinary ones, are reclaimed when they expire: each slot goes back to the
-- counters it came from.
CREATE OR REPLACE FUNCTION concord_reclaim_expired(p_project uuid, p_limit int) RETURNS int AS $$
DECLARE
    v_count int;
BEGIN
    -- Every claim calls this, and almost always nothing has expired: one probe of the live-lease index
    -- then, instead of the statement below, whose data-modifying parts run even when empty (0.19 ms of
    -- each claim's 1.0 ms, pg_stat_statements on bench:queue).
    IF NOT EXISTS (SELECT 1 FROM assignments
                    WHERE status = 'leased' AND expires_at < now() AND (p_project IS NULL OR project_id = p_project)) THEN
        RETURN 0;
    END IF;
    WITH expired AS (
        SELECT id FROM assignments
         WHERE status = 'leased' AND expires_at < now() AND (p_project IS NULL OR project_id = p_project)
         ORDER BY expires_at LIMIT p_limit FOR UPDATE SKIP LOCKED),
    marked AS (
        UPDATE assignments a SET status = 'expired' FROM expired e WHERE a.id = e.id
        RETURNING a.item_id, a.campaign_id),
    per_item AS (SELECT item_id, count(*)::int AS n FROM marked WHERE campaign_id IS NULL GROUP BY item_id),
    per_campaign_item AS (
        SELECT campaign_id, item_id, count(*)::int AS n FROM marked WHERE campaign_id IS NOT NULL
         GROUP BY campaign_id, item_id),
    locked AS (SELECT i.id FROM items i JOIN per_item p ON p.item_id = i.id ORDER BY i.id FOR UPDATE OF i),
    locked_campaign AS (
        SELECT ci.campaign_id, ci.item_id FROM campaign_items ci
          JOIN per_campaign_item p ON p.campaign_id = ci.campaign_id AND p.item_id = ci.item_id
         ORDER BY ci.campaign_id, ci.item_id FOR UPDATE OF ci),
    freed AS (
        UPDATE items i SET lease_count = i.lease_count - p.n
          FROM per_item p WHERE i.id = p.item_id AND i.id IN (SELECT id FROM locked) RETURNING 1),
    freed_campaign AS (
        UPDATE campaign_items ci SET lease_count = ci.lease_count - p.n
          FROM per_campaign_item p
         WHERE ci.campaign_id = p.campaign_id AND ci.item_id = p.item_id
           AND (ci.campaign_id, ci.item_id) IN (SELECT campaign_id, item_id FROM locked_campaign)
        RETURNING 1)
    SELECT (SELECT count(*) FROM freed) + (SELECT count(*) FROM freed_campaign) INTO v_count;
    RETURN v_count;
END;
$$ LANGUAGE plpgsql SET enable_seqscan = off;

-- The served payload of an assignment: the item and the definition versions it was served with.
-- The project's hidden fields are left out (`jsonb - text[]`, the project row found by its key), so
-- no payload an annotator is served carries them; `sidesFlipped` is the pairwise side order drawn
-- for the assignment (docs/decisions/015-hidden-fields-shuffled-sides-items-browser.md). Campaign
-- work names its campaign, so the workspace can say the item is a relabel.
CREATE OR REPLACE FUNCTION concord_served(p_assignment bigint) RETURNS jsonb AS $$
    SELECT jsonb_build_object(
        'assignmentId', a.id::text,
        'expiresAt', to_char(a.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'sidesFlipped', a.sides_flipped,
        'item', jsonb_build_object('id', i.id::text, 'externalId', i.external_id,
                                   'data', i.data - p.hidden_fields, 'predictions', i.predictions),
        'definitions', coalesce((
            SELECT jsonb_agg(jsonb_build_object(
                       'key', d.key, 'version', v.version, 'kind', v.spec->>'kind', 'title', v.spec->>'title',
                       'required', (v.spec->>'required')::boolean, 'guidelines', v.spec->>'guidelines', 'spec', v.spec)
                   ORDER BY d.position)
              FROM jsonb_each_text(a.definition_versions) served
              JOIN label_definitions d ON d.project_id = a.project_id AND d.key = served.key
              JOIN label_definition_versions v ON v.definition_id = d.id AND v.version = served.value::int), '[]'::jsonb))
        || CASE WHEN a.campaign_id IS NULL THEN '{}'::jsonb ELSE (
            SELECT jsonb_build_object('campaign', jsonb_build_object('id', c.id::text, 'name', c.name))
              FROM campaigns c WHERE c.id = a.campaign_id) END
      FROM assignments a JOIN items i ON i.id = a.item_id JOIN projects p ON p.id = a.project_id
     WHERE a.id = p_assignment;
$$ LANGUAGE sql STABLE SET enable_seqscan = off;

-- Why nothing was served (…_claim_waits_for_locked), counting campaign leases too: a campaign item
-- the annotator may still take, full only because of others' leases, is work to wait for.
CREATE OR REPLACE FUNCTION concord_claim_idle(p_project uuid, p_user uuid) RETURNS jsonb AS $$
    WITH blocking AS (
        SELECT a.item_id, a.expires_at
          FROM assignments a JOIN items i ON i.id = a.item_id
         WHERE a.project_id = p_project AND a.status = 'leased' AND a.campaign_id IS NULL
           AND i.done_count < i.target_count
           AND NOT EXISTS (SELECT 1 FROM assignments m WHERE m.item_id = a.item_id AND m.user_id = p_user)
           AND (NOT i.reserved
                OR EXISTS (SELECT 1 FROM item_assignees x WHERE x.item_id = a.item_id AND x.user_id = p_user))
        UNION ALL
        SELECT a.item_id, a.expires_at
          FROM assignments a
          JOIN campaign_items ci ON ci.campaign_id = a.campaign_id AND ci.item_id = a.item_id
         WHERE a.project_id = p_project AND a.status = 'leased' AND ci.done_count < ci.target_count
           AND NOT EXISTS (SELECT 1 FROM assignments m
                            WHERE m.item_id = a.item_id AND m.user_id = p_user AND m.campaign_id = a.campaign_id))
    SELECT jsonb_build_object(
        'idle', jsonb_build_object(
            'state', CASE WHEN count(*) = 0 THEN 'done' ELSE 'leased' END,
            'leasedItems', count(DISTINCT item_id),
            'leaseExpiresAt', to_char(min(expires_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
      FROM blocking;
$$ LANGUAGE sql STABLE SET enable_seqscan = off;

-- Waits (bounded) for the lock on an item another transaction holds, and returns it if it still has
-- a free slot once the lock is ours (READ COMMITTED re-checks the condition on the newest row), else
-- NULL. A wait that runs out (lock_timeout), or a deadlock, gives NULL too: the caller tries again.
CREATE OR REPLACE FUNCTION concord_wait_for_item(p_item bigint, p_timeout text) RETURNS bigint AS $$
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
$$ LANGUAGE plpgsql SET enable_seqscan = off;

-- concord_wait_for_item for a campaign's item.
CREATE OR REPLACE FUNCTION concord_wait_for_campaign_item(p_campaign uuid, p_item bigint, p_timeout text) RETURNS bigint AS $$
DECLARE
    v_item bigint;
    v_saved text := current_setting('lock_timeout');
BEGIN
    PERFORM set_config('lock_timeout', p_timeout, true);
    SELECT ci.item_id INTO v_item FROM campaign_items ci
     WHERE ci.campaign_id = p_campaign AND ci.item_id = p_item AND ci.done_count + ci.lease_count < ci.target_count
     FOR UPDATE OF ci;
    PERFORM set_config('lock_timeout', v_saved, true);
    RETURN v_item;
EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
    RETURN NULL;
END;
$$ LANGUAGE plpgsql SET enable_seqscan = off;

-- "My next item" (…_claim_waits_for_locked), with campaign work: campaigns served `before` are
-- picked first, then ordinary work (the very statement as before), then campaigns served `after`.
-- Each pick reads its partial index of open work with FOR UPDATE SKIP LOCKED. A project with no
-- open campaign work pays one probe of an empty index range (the `before` pick) and nothing else:
-- the `after` pick runs only when ordinary work is gone.
-- A campaign item is picked if the annotator has no assignment on it in that campaign: earlier
-- labelers may relabel it, nobody twice per campaign (the unique key holds it too). A campaign
-- assignment is served the campaign definition's current version only.
CREATE OR REPLACE FUNCTION concord_claim_unchecked(p_project uuid, p_user uuid) RETURNS jsonb AS $$
DECLARE
    v_assignment bigint;
    v_item bigint;
    v_campaign uuid;
    v_candidate bigint;
    v_candidate_campaign uuid;
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
        RETURN jsonb_build_object('idle', jsonb_build_object('state', 'done', 'leasedItems', 0, 'leaseExpiresAt', NULL));
    END IF;
    LOOP
        v_item := NULL;
        v_campaign := NULL;
        SELECT ci.item_id, ci.campaign_id INTO v_item, v_campaign FROM campaign_items ci
         WHERE ci.project_id = p_project AND ci.is_served_first
           AND ci.done_count + ci.lease_count < ci.target_count
           AND NOT EXISTS (SELECT 1 FROM assignments a
                            WHERE a.item_id = ci.item_id AND a.user_id = p_user AND a.campaign_id = ci.campaign_id)
         ORDER BY (ci.done_count + ci.lease_count > 0) DESC, ci.item_id
         LIMIT 1
         FOR UPDATE OF ci SKIP LOCKED;
        IF v_item IS NULL THEN
            SELECT i.id INTO v_item FROM items i
             WHERE i.project_id = p_project AND i.done_count + i.lease_count < i.target_count
               AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.item_id = i.id AND a.user_id = p_user)
               -- An item reserved for named annotators (docs/decisions/019-…) is served to them only.
               -- For an unreserved item the first arm holds and the look-up is never run.
               AND (NOT i.reserved
                    OR EXISTS (SELECT 1 FROM item_assignees x WHERE x.item_id = i.id AND x.user_id = p_user))
             ORDER BY (i.done_count + i.lease_count > 0) DESC, i.priority DESC, i.id
             LIMIT 1
             FOR UPDATE OF i SKIP LOCKED;
        END IF;
        IF v_item IS NULL THEN
            SELECT ci.item_id, ci.campaign_id INTO v_item, v_campaign FROM campaign_items ci
             WHERE ci.project_id = p_project AND NOT ci.is_served_first
               AND ci.done_count + ci.lease_count < ci.target_count
               AND NOT EXISTS (SELECT 1 FROM assignments a
                                WHERE a.item_id = ci.item_id AND a.user_id = p_user AND a.campaign_id = ci.campaign_id)
             ORDER BY (ci.done_count + ci.lease_count > 0) DESC, ci.item_id
             LIMIT 1
             FOR UPDATE OF ci SKIP LOCKED;
        END IF;
        EXIT WHEN v_item IS NOT NULL;
        -- Nothing unlocked: look again without locking (ordinary work, then campaign work), and wait
        -- for what is found.
        v_candidate := NULL;
        v_candidate_campaign := NULL;
        SELECT i.id INTO v_candidate FROM items i
         WHERE i.project_id = p_project AND i.done_count + i.lease_count < i.target_count
           AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.item_id = i.id AND a.user_id = p_user)
           -- An item reserved for named annotators (docs/decisions/019-…) is served to them only.
           -- For an unreserved item the first arm holds and the look-up is never run.
           AND (NOT i.reserved
                OR EXISTS (SELECT 1 FROM item_assignees x WHERE x.item_id = i.id AND x.user_id = p_user))
         ORDER BY (i.done_count + i.lease_count > 0) DESC, i.priority DESC, i.id
         LIMIT 1;
        IF v_candidate IS NULL THEN
            SELECT ci.item_id, ci.campaign_id INTO v_candidate, v_candidate_campaign FROM campaign_items ci
             WHERE ci.project_id = p_project AND ci.done_count + ci.lease_count < ci.target_count
               AND NOT EXISTS (SELECT 1 FROM assignments a
                                WHERE a.item_id = ci.item_id AND a.user_id = p_user AND a.campaign_id = ci.campaign_id)
             ORDER BY ci.is_served_first DESC, (ci.done_count + ci.lease_count > 0) DESC, ci.item_id
             LIMIT 1;
        END IF;
        IF v_candidate IS NULL THEN
            RETURN concord_claim_idle(p_project, p_user);
        END IF;
        IF v_waits = 8 THEN
            RAISE EXCEPTION 'Items are waiting for you but are busy right now; try again in a moment.'
                USING ERRCODE = 'CS503';
        END IF;
        v_waits := v_waits + 1;
        IF v_candidate_campaign IS NULL THEN
            v_item := concord_wait_for_item(v_candidate, '500ms');
        ELSE
            v_item := concord_wait_for_campaign_item(v_candidate_campaign, v_candidate, '500ms');
            v_campaign := v_candidate_campaign;
        END IF;
        EXIT WHEN v_item IS NOT NULL;
    END LOOP;
    IF v_campaign IS NULL THEN
        INSERT INTO assignments (project_id, item_id, user_id, definition_versions, expires_at)
        VALUES (p_project, v_item, p_user, v_versions, now() + make_interval(secs => v_lease))
        RETURNING id INTO v_assignment;
        UPDATE items SET lease_count = lease_count + 1 WHERE id = v_item;
    ELSE
        INSERT INTO assignments (project_id, item_id, user_id, campaign_id, definition_versions, expires_at)
        SELECT p_project, v_item, p_user, v_campaign, jsonb_build_object(d.key, d.current_version),
               now() + make_interval(secs => v_lease)
          FROM campaigns c JOIN label_definitions d ON d.id = c.definition_id
         WHERE c.id = v_campaign
        RETURNING id INTO v_assignment;
        UPDATE campaign_items SET lease_count = lease_count + 1 WHERE campaign_id = v_campaign AND item_id = v_item;
    END IF;
    RETURN concord_served(v_assignment);
END;
$$ LANGUAGE plpgsql SET enable_seqscan = off;
