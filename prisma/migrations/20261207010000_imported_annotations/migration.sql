-- Annotations imported with their items (docs/decisions/014-imported-annotations.md).

-- An external annotator: someone who labeled items elsewhere (a Label Studio or Prodigy user, a
-- crowd worker id) and is known to Concord only through imported annotations. A user row, so that
-- agreement, final labels, adjudication and exports treat their labels like anyone's, but one
-- that can never sign in: no password hash verifies '!', and disabled accounts are refused both at
-- sign-in and for tokens. The database holds that rule.
ALTER TABLE "users" ADD COLUMN "external_project_id" UUID;
ALTER TABLE "users" ADD CONSTRAINT "users_external_project_id_fkey"
    FOREIGN KEY ("external_project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "users" ADD CONSTRAINT "users_external_cannot_sign_in_check"
    CHECK ("external_project_id" IS NULL OR ("password_hash" = '!' AND "disabled_at" IS NOT NULL AND NOT "is_admin"));
CREATE INDEX "users_external_project_id_idx" ON "users"("external_project_id");

-- The batch an imported annotation came in with (NULL: made in Concord). Kept on the assignment,
-- which every annotation of that judgment shares; annotations themselves are append-only.
ALTER TABLE "assignments" ADD COLUMN "import_batch_id" UUID;
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_import_batch_id_fkey"
    FOREIGN KEY ("import_batch_id") REFERENCES "batches"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "assignments_import_batch_id_idx" ON "assignments"("import_batch_id");
