-- The labeling queue: per-item counters, assignments (leases), append-only annotations.

CREATE TYPE "AssignmentStatus" AS ENUM ('leased', 'submitted', 'skipped', 'expired');

ALTER TABLE "items"
    ADD COLUMN "target_count" INTEGER,
    ADD COLUMN "done_count" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "lease_count" INTEGER NOT NULL DEFAULT 0;
UPDATE "items" i SET "target_count" = p."overlap" FROM "projects" p WHERE p."id" = i."project_id";
ALTER TABLE "items" ALTER COLUMN "target_count" SET NOT NULL;
-- The queue's invariant, held by the database: submitted annotations plus live leases never
-- exceed the number of distinct annotators the item needs.
ALTER TABLE "items" ADD CONSTRAINT "items_queue_counts_check"
    CHECK ("done_count" >= 0 AND "lease_count" >= 0 AND "done_count" + "lease_count" <= "target_count");

-- The claim reads this index only: open items of a project, started ones first, then by priority,
-- then in import order. Full items leave it, so its size is the open work, not the project.
CREATE INDEX "items_queue_idx" ON "items" (
    "project_id", (("done_count" + "lease_count") > 0) DESC, "priority" DESC, "id"
) WHERE "done_count" + "lease_count" < "target_count";

CREATE TABLE "assignments" (
    "id" BIGSERIAL NOT NULL,
    "project_id" UUID NOT NULL,
    "item_id" BIGINT NOT NULL,
    "user_id" UUID NOT NULL,
    "status" "AssignmentStatus" NOT NULL DEFAULT 'leased',
    "definition_versions" JSONB NOT NULL,
    "leased_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "submitted_at" TIMESTAMPTZ(3),
    "skipped_at" TIMESTAMPTZ(3),
    CONSTRAINT "assignments_pkey" PRIMARY KEY ("id")
);
-- An (item, annotator) pair is served at most once, whatever became of it.
CREATE UNIQUE INDEX "assignments_item_id_user_id_key" ON "assignments"("item_id", "user_id");
CREATE INDEX "assignments_project_id_user_id_status_idx" ON "assignments"("project_id", "user_id", "status");
-- Live leases by expiry, for reclaiming expired ones without scanning finished assignments.
CREATE INDEX "assignments_leased_expires_at_idx" ON "assignments"("project_id", "expires_at") WHERE "status" = 'leased';
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_project_id_fkey"
    FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_item_id_fkey"
    FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_user_id_fkey"
    FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "annotations" (
    "id" BIGSERIAL NOT NULL,
    "assignment_id" BIGINT NOT NULL,
    "project_id" UUID NOT NULL,
    "item_id" BIGINT NOT NULL,
    "user_id" UUID NOT NULL,
    "definition_id" UUID NOT NULL,
    "definition_version" INTEGER NOT NULL,
    "value" JSONB,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "is_current" BOOLEAN NOT NULL DEFAULT true,
    "time_spent_ms" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "annotations_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "annotations_assignment_id_idx" ON "annotations"("assignment_id");
CREATE INDEX "annotations_item_id_idx" ON "annotations"("item_id");
CREATE INDEX "annotations_project_id_user_id_created_at_idx" ON "annotations"("project_id", "user_id", "created_at");
-- One current value per assignment and definition; earlier revisions stay as history.
CREATE UNIQUE INDEX "annotations_current_key" ON "annotations"("assignment_id", "definition_id") WHERE "is_current";
-- Agreement reads the current annotations of one definition, grouped by item.
CREATE INDEX "annotations_definition_current_idx" ON "annotations"("definition_id", "definition_version", "item_id") WHERE "is_current";
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_assignment_id_fkey"
    FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_project_id_fkey"
    FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_item_id_fkey"
    FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_user_id_fkey"
    FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_definition_id_fkey"
    FOREIGN KEY ("definition_id") REFERENCES "label_definitions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- History is never overwritten: the only change allowed is retiring a revision (is_current true -> false).
CREATE FUNCTION "annotations_append_only"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.is_current AND NOT NEW.is_current
       AND (NEW.id, NEW.assignment_id, NEW.project_id, NEW.item_id, NEW.user_id, NEW.definition_id,
            NEW.definition_version, NEW.value, NEW.revision, NEW.time_spent_ms, NEW.created_at)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.assignment_id, OLD.project_id, OLD.item_id, OLD.user_id, OLD.definition_id,
            OLD.definition_version, OLD.value, OLD.revision, OLD.time_spent_ms, OLD.created_at) THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
        RETURN OLD; -- cascading from its project, item, user or definition being deleted
    END IF;
    RAISE EXCEPTION 'annotations are append-only: submit a new revision instead'
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "annotations_append_only"
    BEFORE UPDATE OR DELETE ON "annotations"
    FOR EACH ROW EXECUTE FUNCTION "annotations_append_only"();
