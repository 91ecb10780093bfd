-- Final labels (a rule per definition, append-only adjudications with gold answers among them) and
-- evaluation sets whose frozen versions the database itself keeps unchanged.

CREATE TYPE "FinalLabelRuleKind" AS ENUM ('unanimous', 'majority', 'min_agreement');

-- The rule a lead set for a definition; a definition without a row uses the default (majority: a
-- value given by more than half of the item's annotations).
CREATE TABLE "final_label_rules" (
    "definition_id" UUID NOT NULL,
    "kind" "FinalLabelRuleKind" NOT NULL,
    "min_share" DOUBLE PRECISION NOT NULL DEFAULT 0.5,
    "min_agreement" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "min_annotations" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "final_label_rules_pkey" PRIMARY KEY ("definition_id"),
    CONSTRAINT "final_label_rules_min_share_check" CHECK ("min_share" >= 0.5 AND "min_share" < 1),
    CONSTRAINT "final_label_rules_min_agreement_check" CHECK ("min_agreement" > 0 AND "min_agreement" <= 1),
    CONSTRAINT "final_label_rules_min_annotations_check" CHECK ("min_annotations" BETWEEN 1 AND 100)
);
ALTER TABLE "final_label_rules" ADD CONSTRAINT "final_label_rules_definition_id_fkey"
    FOREIGN KEY ("definition_id") REFERENCES "label_definitions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "final_label_rules" ADD CONSTRAINT "final_label_rules_updated_by_id_fkey"
    FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A lead's decision on an item's final value for one definition. History, like annotations: a new
-- decision is a new row, and the latest row per (item, definition) is the one that counts.
CREATE TABLE "adjudications" (
    "id" BIGSERIAL NOT NULL,
    "project_id" UUID NOT NULL,
    "item_id" BIGINT NOT NULL,
    "definition_id" UUID NOT NULL,
    "definition_version" INTEGER NOT NULL,
    "value" JSONB,
    "note" TEXT NOT NULL DEFAULT '',
    "is_gold" BOOLEAN NOT NULL DEFAULT false,
    "decided_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "adjudications_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "adjudications_project_id_item_id_definition_id_idx"
    ON "adjudications"("project_id", "item_id", "definition_id");
CREATE INDEX "adjudications_item_id_idx" ON "adjudications"("item_id");
ALTER TABLE "adjudications" ADD CONSTRAINT "adjudications_project_id_fkey"
    FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "adjudications" ADD CONSTRAINT "adjudications_item_id_fkey"
    FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "adjudications" ADD CONSTRAINT "adjudications_definition_id_fkey"
    FOREIGN KEY ("definition_id") REFERENCES "label_definitions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "adjudications" ADD CONSTRAINT "adjudications_decided_by_id_fkey"
    FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Only the links to deleted rows may change (cascades and SET NULL run one trigger level down).
CREATE FUNCTION "adjudications_append_only"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 AND NEW.decided_by_id IS NULL
       AND (NEW.id, NEW.project_id, NEW.item_id, NEW.definition_id, NEW.definition_version, NEW.value,
            NEW.note, NEW.is_gold, NEW.created_at)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.project_id, OLD.item_id, OLD.definition_id, OLD.definition_version, OLD.value,
            OLD.note, OLD.is_gold, OLD.created_at) THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'adjudications are append-only: record a new decision instead'
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "adjudications_append_only"
    BEFORE UPDATE OR DELETE ON "adjudications"
    FOR EACH ROW EXECUTE FUNCTION "adjudications_append_only"();

CREATE TABLE "eval_sets" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "project_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "filter" JSONB NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "eval_sets_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "eval_sets_project_id_name_key" ON "eval_sets"("project_id", "name");
CREATE INDEX "eval_sets_name_idx" ON "eval_sets"("name");
ALTER TABLE "eval_sets" ADD CONSTRAINT "eval_sets_project_id_fkey"
    FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "eval_sets" ADD CONSTRAINT "eval_sets_created_by_id_fkey"
    FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A version is written in one transaction: inserted unsealed, its items added, then sealed with
-- its sha256 and manifest. From then on nothing about it changes.
CREATE TABLE "eval_set_versions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "eval_set_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "filter" JSONB NOT NULL,
    "item_count" INTEGER NOT NULL DEFAULT 0,
    "byte_count" BIGINT,
    "sha256" TEXT,
    "columns" JSONB,
    "manifest" JSONB,
    "frozen_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sealed_at" TIMESTAMPTZ(3),
    CONSTRAINT "eval_set_versions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "eval_set_versions_version_check" CHECK ("version" >= 1),
    CONSTRAINT "eval_set_versions_sealed_check" CHECK (
        "sealed_at" IS NULL OR ("sha256" ~ '^[0-9a-f]{64}$' AND "byte_count" IS NOT NULL
                                AND "columns" IS NOT NULL AND "manifest" IS NOT NULL))
);
CREATE UNIQUE INDEX "eval_set_versions_eval_set_id_version_key" ON "eval_set_versions"("eval_set_id", "version");
ALTER TABLE "eval_set_versions" ADD CONSTRAINT "eval_set_versions_eval_set_id_fkey"
    FOREIGN KEY ("eval_set_id") REFERENCES "eval_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "eval_set_versions" ADD CONSTRAINT "eval_set_versions_frozen_by_id_fkey"
    FOREIGN KEY ("frozen_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The snapshot: each item's data, final labels and (for exports that ask) its annotations as they
-- were at the freeze. No foreign key to items on purpose: a frozen version outlives its sources.
-- data_json and labels_json hold canonical JSON text (lib/export's canonical form), the very bytes
-- the canonical JSONL export writes: the frozen bytes never depend on re-encoding, and exporting
-- them needs no parsing (lib/eval-sets/jsonl-line.ts).
CREATE TABLE "eval_set_items" (
    "version_id" UUID NOT NULL,
    "item_id" BIGINT NOT NULL,
    "external_id" TEXT,
    "data_json" TEXT NOT NULL,
    "labels_json" TEXT NOT NULL,
    "annotations" JSONB NOT NULL DEFAULT '[]',
    CONSTRAINT "eval_set_items_pkey" PRIMARY KEY ("version_id", "item_id"),
    CONSTRAINT "eval_set_items_json_objects_check" CHECK (left("data_json", 1) = '{' AND left("labels_json", 1) = '{')
);
ALTER TABLE "eval_set_items" ADD CONSTRAINT "eval_set_items_version_id_fkey"
    FOREIGN KEY ("version_id") REFERENCES "eval_set_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Sealing (once, in the freezing transaction) is the only change to a version; the frozen_by link
-- may be cleared when that user is deleted. A version goes only with its eval set's project.
CREATE FUNCTION "eval_set_versions_immutable"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.sealed_at IS NULL AND NEW.sealed_at IS NOT NULL
       AND (NEW.id, NEW.eval_set_id, NEW.version, NEW.filter, NEW.frozen_by_id, NEW.created_at)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.eval_set_id, OLD.version, OLD.filter, OLD.frozen_by_id, OLD.created_at) THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 AND NEW.frozen_by_id IS NULL
       AND (NEW.id, NEW.eval_set_id, NEW.version, NEW.filter, NEW.item_count, NEW.byte_count, NEW.sha256,
            NEW.columns, NEW.manifest, NEW.created_at, NEW.sealed_at)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.eval_set_id, OLD.version, OLD.filter, OLD.item_count, OLD.byte_count, OLD.sha256,
            OLD.columns, OLD.manifest, OLD.created_at, OLD.sealed_at) THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
        RETURN OLD; -- cascading from its eval set's project being deleted
    END IF;
    RAISE EXCEPTION 'frozen eval-set versions are immutable: freeze a new version instead'
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "eval_set_versions_immutable"
    BEFORE UPDATE OR DELETE ON "eval_set_versions"
    FOR EACH ROW EXECUTE FUNCTION "eval_set_versions_immutable"();

-- A version must be sealed by the end of the transaction that creates it: no half-frozen version
-- can ever be seen or exported.
CREATE FUNCTION "eval_set_versions_sealed_at_commit"() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM "eval_set_versions" WHERE "id" = NEW.id AND "sealed_at" IS NULL) THEN
        RAISE EXCEPTION 'eval-set version % was not sealed before commit', NEW.version
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE CONSTRAINT TRIGGER "eval_set_versions_sealed_at_commit"
    AFTER INSERT ON "eval_set_versions" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION "eval_set_versions_sealed_at_commit"();

-- Frozen rows are never updated or deleted (a statement-level check: one test per statement, not
-- per row, which matters for a version of a million items going with its project).
CREATE FUNCTION "eval_set_items_immutable"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
        RETURN NULL; -- cascading from its version's eval set or project being deleted
    END IF;
    RAISE EXCEPTION 'frozen eval-set items are immutable: freeze a new version instead'
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "eval_set_items_immutable"
    BEFORE UPDATE OR DELETE OR TRUNCATE ON "eval_set_items"
    FOR EACH STATEMENT EXECUTE FUNCTION "eval_set_items_immutable"();

-- Items are added only to a version that is still being frozen.
CREATE FUNCTION "eval_set_items_insert_unsealed"() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM "inserted" i JOIN "eval_set_versions" v ON v."id" = i."version_id"
                WHERE v."sealed_at" IS NOT NULL) THEN
        RAISE EXCEPTION 'frozen eval-set versions are immutable: freeze a new version instead'
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "eval_set_items_insert_unsealed"
    AFTER INSERT ON "eval_set_items" REFERENCING NEW TABLE AS "inserted"
    FOR EACH STATEMENT EXECUTE FUNCTION "eval_set_items_insert_unsealed"();

-- An eval set with a frozen version goes only with its project; TRUNCATE is refused outright.
CREATE FUNCTION "eval_sets_keep_frozen"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND pg_trigger_depth() <= 1
       AND EXISTS (SELECT 1 FROM "eval_set_versions" WHERE "eval_set_id" = OLD.id) THEN
        RAISE EXCEPTION 'eval set "%" has frozen versions and cannot be deleted', OLD.name
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "eval_sets_keep_frozen"
    BEFORE DELETE ON "eval_sets"
    FOR EACH ROW EXECUTE FUNCTION "eval_sets_keep_frozen"();

CREATE FUNCTION "refuse_truncate"() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% cannot be truncated: it holds history', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "eval_set_versions_no_truncate"
    BEFORE TRUNCATE ON "eval_set_versions" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate"();
CREATE TRIGGER "eval_sets_no_truncate"
    BEFORE TRUNCATE ON "eval_sets" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate"();
CREATE TRIGGER "adjudications_no_truncate"
    BEFORE TRUNCATE ON "adjudications" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate"();
