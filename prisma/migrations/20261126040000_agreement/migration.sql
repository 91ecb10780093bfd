-- Agreement dashboards cache their results per project until the project's newest annotation
-- changes: this index answers max(id) for a project without scanning its annotations.
CREATE INDEX "annotations_project_id_id_idx" ON "annotations"("project_id", "id");
