-- The project overview's open and started item counts without counting item rows
-- (docs/decisions/035-item-state-counts.md). An append-only log of changes per project, written by
-- the triggers in prisma/functions/item-states.sql and folded by its reader; here it starts from
-- what the items hold now. The functions file runs after this migration, so no change falls between.
CREATE TABLE "item_state_deltas" (
    "id" BIGSERIAL NOT NULL,
    "project_id" UUID NOT NULL,
    "open_items" INTEGER NOT NULL,
    "started_items" INTEGER NOT NULL,
    CONSTRAINT "item_state_deltas_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "item_state_deltas_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "item_state_deltas_project_id_idx" ON "item_state_deltas"("project_id");

INSERT INTO "item_state_deltas" ("project_id", "open_items", "started_items")
SELECT "project_id",
       count(*) FILTER (WHERE "done_count" + "lease_count" < "target_count"),
       count(*) FILTER (WHERE "done_count" + "lease_count" > 0 AND "done_count" + "lease_count" < "target_count")
  FROM "items" GROUP BY "project_id";
