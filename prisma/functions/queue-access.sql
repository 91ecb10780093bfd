-- The queue's access checks, inside its SQL functions so that a claim and a submit are each one
-- round trip. They are the last line: lib/policies/queue.ts states the same rule for the registry,
-- pages and docs/access.md.
-- The current text of these functions: edit it here, not in a migration (docs/decisions/002-sql-migrations.md).

-- May this user label in this project: a lead or annotator there, or an admin.
CREATE OR REPLACE FUNCTION concord_may_label(p_project uuid, p_user uuid) RETURNS boolean AS $$
    SELECT EXISTS (SELECT 1 FROM memberships m
                    WHERE m.project_id = p_project AND m.user_id = p_user AND m.role IN ('annotator', 'lead'))
        OR EXISTS (SELECT 1 FROM users u WHERE u.id = p_user AND u.is_admin);
$$ LANGUAGE sql STABLE;

-- CS404 when the project does not exist or the user is not in it (they learn nothing), CS403 when
-- their role there cannot label.
CREATE OR REPLACE FUNCTION concord_claim(p_project uuid, p_user uuid) RETURNS jsonb AS $$
DECLARE
    v_role text;
BEGIN
    SELECT m.role::text INTO v_role
      FROM projects p LEFT JOIN memberships m ON m.project_id = p.id AND m.user_id = p_user
     WHERE p.id = p_project;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Project not found.' USING ERRCODE = 'CS404';
    END IF;
    IF v_role IS DISTINCT FROM 'annotator' AND v_role IS DISTINCT FROM 'lead'
       AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = p_user AND u.is_admin) THEN
        IF v_role IS NULL THEN
            RAISE EXCEPTION 'Project not found.' USING ERRCODE = 'CS404';
        END IF;
        RAISE EXCEPTION 'This needs the annotator or lead role in the project.' USING ERRCODE = 'CS403';
    END IF;
    RETURN concord_claim_unchecked(p_project, p_user);
END;
$$ LANGUAGE plpgsql SET enable_seqscan = off;

-- CS404 for an assignment that is not the user's, or of a project they may no longer label in.
CREATE OR REPLACE FUNCTION concord_submit(p_assignment bigint, p_user uuid, p_values jsonb, p_time_ms int) RETURNS jsonb AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM assignments a
                    WHERE a.id = p_assignment AND a.user_id = p_user AND concord_may_label(a.project_id, p_user)) THEN
        RAISE EXCEPTION 'Assignment not found.' USING ERRCODE = 'CS404';
    END IF;
    RETURN concord_submit_unchecked(p_assignment, p_user, p_values, p_time_ms);
END;
$$ LANGUAGE plpgsql SET enable_seqscan = off;
