-- Versioned label definitions, import batches and items.

CREATE TYPE "LabelKind" AS ENUM ('single_choice', 'multi_choice', 'rating', 'spans', 'pairwise', 'free_text');

CREATE TABLE "label_definitions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "project_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "LabelKind" NOT NULL,
    "current_version" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "label_definitions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "label_definitions_project_id_key_key" ON "label_definitions"("project_id", "key");
ALTER TABLE "label_definitions" ADD CONSTRAINT "label_definitions_project_id_fkey"
    FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "label_definition_versions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "definition_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "spec" JSONB NOT NULL,
    "spec_hash" TEXT NOT NULL,
    "guidelines_hash" TEXT NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "label_definition_versions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "label_definition_versions_version_check" CHECK ("version" >= 1)
);
CREATE UNIQUE INDEX "label_definition_versions_definition_id_version_key"
    ON "label_definition_versions"("definition_id", "version");
ALTER TABLE "label_definition_versions" ADD CONSTRAINT "label_definition_versions_definition_id_fkey"
    FOREIGN KEY ("definition_id") REFERENCES "label_definitions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "label_definition_versions" ADD CONSTRAINT "label_definition_versions_created_by_id_fkey"
    FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A version, once written, is history: annotations cite it. Only the user link may be cleared
-- (when that user is deleted); a whole definition goes only with its project.
CREATE FUNCTION "label_definition_versions_immutable"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.created_by_id IS NULL
       AND (NEW.id, NEW.definition_id, NEW.version, NEW.spec, NEW.spec_hash, NEW.guidelines_hash, NEW.created_at)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.definition_id, OLD.version, OLD.spec, OLD.spec_hash, OLD.guidelines_hash, OLD.created_at) THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
        RETURN OLD; -- cascading from its definition's project being deleted
    END IF;
    RAISE EXCEPTION 'label definition versions are immutable: add a new version instead'
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "label_definition_versions_immutable"
    BEFORE UPDATE OR DELETE ON "label_definition_versions"
    FOR EACH ROW EXECUTE FUNCTION "label_definition_versions_immutable"();

CREATE TABLE "batches" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "project_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "source_file_name" TEXT,
    "format" TEXT NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "item_count" INTEGER NOT NULL,
    "duplicate_count" INTEGER NOT NULL,
    CONSTRAINT "batches_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "batches_project_id_created_at_idx" ON "batches"("project_id", "created_at");
ALTER TABLE "batches" ADD CONSTRAINT "batches_project_id_fkey"
    FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "batches" ADD CONSTRAINT "batches_created_by_id_fkey"
    FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "items" (
    "id" BIGSERIAL NOT NULL,
    "project_id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "external_id" TEXT,
    "content_hash" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "predictions" JSONB,
    "priority" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "items_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "items_project_id_external_id_key" ON "items"("project_id", "external_id");
-- Content hashes only find duplicates of records that carry no external id; indexing just those
-- keeps a random 64-character key out of every other insert (it cost imports a third of their speed).
CREATE INDEX "items_project_id_content_hash_no_id_idx" ON "items"("project_id", "content_hash") WHERE "external_id" IS NULL;
CREATE INDEX "items_project_id_id_idx" ON "items"("project_id", "id");
CREATE INDEX "items_batch_id_id_idx" ON "items"("batch_id", "id");
ALTER TABLE "items" ADD CONSTRAINT "items_project_id_fkey"
    FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "items" ADD CONSTRAINT "items_batch_id_fkey"
    FOREIGN KEY ("batch_id") REFERENCES "batches"("id") ON DELETE CASCADE ON UPDATE CASCADE;
