-- Agreement rollups (docs/decisions/020-agreement-rollups.md): every change to annotations (a
-- submit, a revision, a cascade from a deleted item, user or definition) refreshes the tables of
-- migration …_agreement_rollups that the dashboard reads instead of millions of annotation rows: in
-- its own transaction, or, for a submit's or a revision's few pairs, in the next flush before any read
-- (docs/decisions/034-deferred-agreement-refresh.md). Every kind but spans is rolled up (spans have their own reader; rankings
-- and rubrics joined in docs/decisions/023-feedback-rollups.md).
-- The current text of these functions: edit it here, not in a migration (docs/decisions/002-sql-migrations.md).

-- Recomputes the rolled-up values of these (definition, item) pairs from their current annotations
-- and logs the change of each item's pattern. The version-0 row is locked first (in key order), so a
-- concurrent refresh of the same item waits, and the recount (a later statement, a newer snapshot)
-- sees what the other committed.
-- Its statements take arrays, whose length the planner cannot see in a generic plan, so left to
-- itself PostgreSQL planned them anew on every call: 2.6 ms of planning per submit (the recount's
-- CTE alone 2.1 ms, more than it takes to run), spent while the item's rows are locked, so the
-- item's other annotators waited for it too (pg_stat_statements with track_planning, bench:queue).
-- A submit's few pairs now run the generic plan, made once per connection, with sequential scans off
-- so that it reads through the (definition, item) indexes whatever the tables' size when it was made,
-- as the queue's functions do (queue-claim.sql). An import's thousands of pairs keep custom plans:
-- the generic plan, made for a few rows, took 30-60 s where a custom plan takes 1 s on 10,000 pairs.
-- agreement-refresh-plan.integration.test.ts counts the plannings and reads the plans.
CREATE OR REPLACE FUNCTION concord_agreement_refresh(p_definitions uuid[], p_items bigint[]) RETURNS void AS $$
BEGIN
    -- Restricted to this call by the function's own SET clauses (restored on exit).
    IF cardinality(p_items) <= 64 THEN
        PERFORM set_config('plan_cache_mode', 'force_generic_plan', true);
        PERFORM set_config('enable_seqscan', 'off', true);
    ELSE
        PERFORM set_config('plan_cache_mode', 'force_custom_plan', true);
    END IF;
    INSERT INTO agreement_item_patterns (definition_id, definition_version, item_id, ratings, pattern)
    SELECT DISTINCT k.d, 0, k.i, 0, '[]'::jsonb
      FROM unnest(p_definitions, p_items) k(d, i) JOIN label_definitions ld ON ld.id = k.d AND ld.kind <> 'spans'
     ORDER BY 1, 3
    ON CONFLICT DO NOTHING;
    PERFORM 1 FROM agreement_item_patterns p
      JOIN (SELECT DISTINCT d, i FROM unnest(p_definitions, p_items) k(d, i)) k ON p.definition_id = k.d AND p.item_id = k.i
     WHERE p.definition_version = 0
     ORDER BY p.definition_id, p.item_id
       FOR UPDATE OF p;
    WITH k AS (
        SELECT DISTINCT k.d, k.i
          FROM unnest(p_definitions, p_items) k(d, i) JOIN label_definitions ld ON ld.id = k.d AND ld.kind <> 'spans'),
    -- One value per annotator and item, as Krippendorff's alpha assumes (one per coder and unit): an
    -- annotator who labeled the item again, in a relabel campaign (under a newer version, or in a
    -- second campaign), counts with their latest label, in its version and in all versions (0).
    latest AS (
        SELECT DISTINCT ON (a.definition_id, a.item_id, a.definition_version, a.user_id)
               a.definition_id AS d, a.item_id AS i, a.definition_version AS v, a.user_id AS u,
               a.value, a.created_at AS t, a.id
          FROM k JOIN annotations a ON a.definition_id = k.d AND a.item_id = k.i AND a.is_current AND a.value IS NOT NULL
         ORDER BY a.definition_id, a.item_id, a.definition_version, a.user_id, a.created_at DESC, a.id DESC),
    cur AS (
        SELECT d, i, v, count(*)::int AS n, jsonb_agg(value ORDER BY value::text) AS vals, max(t) AS t
          FROM latest GROUP BY d, i, v
        UNION ALL
        SELECT d, i, 0, count(*)::int, jsonb_agg(value ORDER BY value::text), max(t)
          FROM (SELECT DISTINCT ON (d, i, u) d, i, value, t FROM latest ORDER BY d, i, u, t DESC, id DESC) l
         GROUP BY d, i),
    fresh AS (
        SELECT cur.d, cur.v, cur.i, cur.n, cur.vals,
               date_bin('7 days', cur.t, TIMESTAMPTZ '2000-01-03 00:00:00+00') AS week, it.batch_id
          FROM cur JOIN items it ON it.id = cur.i),
    stale AS (
        SELECT p.* FROM agreement_item_patterns p JOIN k ON p.definition_id = k.d AND p.item_id = k.i
         WHERE p.ratings > 0),
    logged AS (
        INSERT INTO agreement_pattern_deltas (definition_id, definition_version, ratings, pattern, week, batch_id, items)
        SELECT d, v, n, vals, week, batch_id, sum(items)::int
          FROM (SELECT d, v, n, vals, week, batch_id, 1 AS items FROM fresh
                UNION ALL
                SELECT definition_id, definition_version, ratings, pattern, week, batch_id, -1 FROM stale) c
         GROUP BY d, v, n, vals, week, batch_id
        HAVING sum(items) <> 0),
    gone AS (
        DELETE FROM agreement_item_patterns p USING k
         WHERE p.definition_id = k.d AND p.item_id = k.i AND p.definition_version <> 0
           AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.d = p.definition_id AND f.v = p.definition_version AND f.i = p.item_id))
    INSERT INTO agreement_item_patterns AS p (definition_id, definition_version, item_id, ratings, pattern, week, batch_id)
    SELECT d, v, i, n, vals, week, batch_id FROM fresh
    UNION ALL
    SELECT k.d, 0, k.i, 0, '[]'::jsonb, NULL, NULL FROM k
     WHERE NOT EXISTS (SELECT 1 FROM fresh f WHERE f.d = k.d AND f.i = k.i AND f.v = 0)
    ON CONFLICT (definition_id, definition_version, item_id) DO UPDATE
       SET ratings = excluded.ratings, pattern = excluded.pattern, week = excluded.week, batch_id = excluded.batch_id;
    -- Who agreed with whom, under the same lock (agreement-pairs.sql, docs/decisions/029-review-states.md).
    PERFORM concord_agreement_pairs_refresh(p_definitions, p_items);
END;
$$ LANGUAGE plpgsql SET plan_cache_mode = auto SET enable_seqscan = on;

-- A submit's refresh leaves its transaction (docs/decisions/034-deferred-agreement-refresh.md): kept
-- there, it was half of each cycle's database work, and the item's other annotators waited on its
-- locks; bench:queue through the app went from 211 to 433 cycles/s with it queued (applier included). A
-- write of a few pairs queues them; the app's applier (start-agreement-applier.ts) and every reader
-- of the rollups (concord_agreement_flush) refresh them, many at once. A write of many pairs (an import,
-- a relabel) refreshes them itself as before, in its own transaction, with custom plans.
CREATE OR REPLACE FUNCTION concord_agreement_defer(p_projects uuid[], p_definitions uuid[], p_items bigint[]) RETURNS void AS $$
BEGIN
    IF p_items IS NULL THEN
        RETURN;
    END IF;
    IF cardinality(p_items) <= 64 THEN
        INSERT INTO agreement_refresh_queue (project_id, definition_id, item_id)
        SELECT * FROM unnest(p_projects, p_definitions, p_items);
    ELSE
        PERFORM concord_agreement_refresh(p_definitions, p_items);
    END IF;
END;
$$ LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan;

-- Refreshes every pair queued for the project ($1) and returns how many. One flush of a project at a
-- time (an advisory lock): a reader that waited here for another flush then reads what it refreshed,
-- since the statements after this call take newer snapshots. The queue is emptied whole, so a read
-- never sees the rollups behind a label committed before it began. Nothing queued: no lock, one probe.
CREATE OR REPLACE FUNCTION concord_agreement_flush(p_project uuid) RETURNS int AS $$
DECLARE
    v_definitions uuid[];
    v_items bigint[];
BEGIN
    IF NOT EXISTS (SELECT 1 FROM agreement_refresh_queue WHERE project_id = p_project) THEN
        RETURN 0;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('concord_agreement_flush'), hashtext(p_project::text));
    WITH taken AS (
        DELETE FROM agreement_refresh_queue WHERE project_id = p_project RETURNING definition_id, item_id)
    SELECT array_agg(definition_id ORDER BY definition_id, item_id), array_agg(item_id ORDER BY definition_id, item_id)
      INTO v_definitions, v_items
      FROM (SELECT DISTINCT definition_id, item_id FROM taken) t;
    IF v_items IS NULL THEN
        RETURN 0;
    END IF;
    PERFORM concord_agreement_refresh(v_definitions, v_items);
    RETURN cardinality(v_items);
END;
$$ LANGUAGE plpgsql;

-- The applier's pass: one flush of each project with pairs queued when it starts; returns the pairs
-- refreshed. Labels that arrive meanwhile wait for the next pass, so each flush takes a pass's worth
-- at once (a flush per few labels cost about 1 ms per pair; bench:queue with pg_stat_statements).
CREATE OR REPLACE FUNCTION concord_agreement_apply() RETURNS int AS $$
DECLARE
    v_project uuid;
    v_pairs int := 0;
BEGIN
    FOR v_project IN SELECT DISTINCT project_id FROM agreement_refresh_queue LOOP
        v_pairs := v_pairs + concord_agreement_flush(v_project);
    END LOOP;
    RETURN v_pairs;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION concord_agreement_track_insert() RETURNS trigger AS $$
BEGIN
    INSERT INTO agreement_annotators AS t (definition_id, definition_version, user_id, ratings)
    SELECT definition_id, definition_version, user_id, count(*)::int FROM changed_new
     WHERE is_current AND value IS NOT NULL
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (definition_id, definition_version, user_id) DO UPDATE SET ratings = t.ratings + excluded.ratings;
    PERFORM concord_agreement_defer(array_agg(project_id), array_agg(definition_id), array_agg(item_id))
       FROM (SELECT DISTINCT project_id, definition_id, item_id FROM changed_new) c;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- The only UPDATE annotations allow retires a revision (is_current true -> false).
CREATE OR REPLACE FUNCTION concord_agreement_track_update() RETURNS trigger AS $$
BEGIN
    INSERT INTO agreement_annotators AS t (definition_id, definition_version, user_id, ratings)
    SELECT o.definition_id, o.definition_version, o.user_id, -count(*)::int
      FROM changed_old o JOIN changed_new n ON n.id = o.id
     WHERE o.is_current AND NOT n.is_current AND o.value IS NOT NULL
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (definition_id, definition_version, user_id) DO UPDATE SET ratings = t.ratings + excluded.ratings;
    PERFORM concord_agreement_defer(array_agg(project_id), array_agg(definition_id), array_agg(item_id))
       FROM (SELECT DISTINCT project_id, definition_id, item_id FROM changed_new) c;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- Deletes only cascade (from an item, user, project or definition deleted).
CREATE OR REPLACE FUNCTION concord_agreement_track_delete() RETURNS trigger AS $$
BEGIN
    DELETE FROM agreement_item_patterns WHERE definition_id IN
        (SELECT definition_id FROM changed_old EXCEPT SELECT id FROM label_definitions);
    DELETE FROM agreement_pattern_deltas WHERE definition_id IN
        (SELECT definition_id FROM changed_old EXCEPT SELECT id FROM label_definitions);
    DELETE FROM agreement_annotators WHERE definition_id IN
        (SELECT definition_id FROM changed_old EXCEPT SELECT id FROM label_definitions);
    DELETE FROM agreement_item_labels WHERE definition_id IN
        (SELECT definition_id FROM changed_old EXCEPT SELECT id FROM label_definitions);
    DELETE FROM agreement_pair_deltas WHERE definition_id IN
        (SELECT definition_id FROM changed_old EXCEPT SELECT id FROM label_definitions);
    DELETE FROM agreement_pair_totals WHERE definition_id IN
        (SELECT definition_id FROM changed_old EXCEPT SELECT id FROM label_definitions);
    INSERT INTO agreement_annotators AS t (definition_id, definition_version, user_id, ratings)
    SELECT o.definition_id, o.definition_version, o.user_id, -count(*)::int
      FROM changed_old o JOIN label_definitions ld ON ld.id = o.definition_id
     WHERE o.is_current AND o.value IS NOT NULL
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (definition_id, definition_version, user_id) DO UPDATE SET ratings = t.ratings + excluded.ratings;
    PERFORM concord_agreement_refresh(array_agg(definition_id), array_agg(item_id))
       FROM (SELECT DISTINCT definition_id, item_id FROM changed_old) c;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- The triggers that tie these functions to annotations. Here, not in the migration, because a
-- migration runs before this file and a trigger needs its function to exist; CREATE OR REPLACE
-- keeps a re-run of this file a no-op.
CREATE OR REPLACE TRIGGER "annotations_agreement_insert" AFTER INSERT ON "annotations"
    REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION concord_agreement_track_insert();
CREATE OR REPLACE TRIGGER "annotations_agreement_update" AFTER UPDATE ON "annotations"
    REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION concord_agreement_track_update();
CREATE OR REPLACE TRIGGER "annotations_agreement_delete" AFTER DELETE ON "annotations"
    REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION concord_agreement_track_delete();
