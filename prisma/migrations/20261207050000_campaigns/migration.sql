-- Relabel campaigns (docs/decisions/018-campaign-queue.md): chosen items go back into the queue for
-- one definition's current version, with their own overlap, next to ordinary work. Campaign work has
-- its own counters (campaign_items), so an item that is full for ordinary labeling can still take
-- campaign annotators, and the same three guarantees hold for it: a CHECK on the counters (no
-- overshoot), a unique key (no annotator twice per item per campaign), leases that expire.
-- Also item flags: an annotator's question about an item, and a lead's answer.

CREATE TYPE "CampaignServe" AS ENUM ('before', 'after');

CREATE TABLE "campaigns" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "project_id" UUID NOT NULL,
    "definition_id" UUID NOT NULL,
    -- The definition's current version when the campaign started: what it relabels toward.
    "definition_version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "overlap" INTEGER NOT NULL,
    -- Whether its items are served before the project's ordinary work or after it.
    "serve" "CampaignServe" NOT NULL DEFAULT 'before',
    -- The selection as the lead gave it (a filter, item ids, a batch, a week, an eval-set version...).
    "selection" JSONB NOT NULL,
    "item_count" INTEGER NOT NULL,
    -- Items that reached the campaign's overlap; the campaign is complete when it equals item_count.
    "done_items" INTEGER NOT NULL DEFAULT 0,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),
    CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "campaigns_counts_check" CHECK ("overlap" >= 1 AND "item_count" >= 1 AND "done_items" BETWEEN 0 AND "item_count")
);
CREATE UNIQUE INDEX "campaigns_project_id_name_key" ON "campaigns"("project_id", "name");
CREATE INDEX "campaigns_definition_id_idx" ON "campaigns"("definition_id");
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_project_id_fkey"
    FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_definition_id_fkey"
    FOREIGN KEY ("definition_id") REFERENCES "label_definitions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_id_fkey"
    FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One item of a campaign, with the same counters as items (docs/decisions/004-queue.md).
CREATE TABLE "campaign_items" (
    "campaign_id" UUID NOT NULL,
    "item_id" BIGINT NOT NULL,
    "project_id" UUID NOT NULL,
    -- The campaign's `serve`, copied so the claim reads one index for each side of ordinary work.
    "is_served_first" BOOLEAN NOT NULL,
    "target_count" INTEGER NOT NULL,
    "done_count" INTEGER NOT NULL DEFAULT 0,
    "lease_count" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "campaign_items_pkey" PRIMARY KEY ("campaign_id", "item_id"),
    CONSTRAINT "campaign_items_queue_counts_check"
        CHECK ("done_count" >= 0 AND "lease_count" >= 0 AND "done_count" + "lease_count" <= "target_count")
);
CREATE INDEX "campaign_items_item_id_idx" ON "campaign_items"("item_id");
-- Open campaign work of a project, in serving order; full items leave it, as in items_queue_idx.
CREATE INDEX "campaign_items_queue_idx" ON "campaign_items" (
    "project_id", "is_served_first", (("done_count" + "lease_count") > 0) DESC, "item_id"
) WHERE "done_count" + "lease_count" < "target_count";
ALTER TABLE "campaign_items" ADD CONSTRAINT "campaign_items_campaign_id_fkey"
    FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "campaign_items" ADD CONSTRAINT "campaign_items_item_id_fkey"
    FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "campaign_items" ADD CONSTRAINT "campaign_items_project_id_fkey"
    FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An assignment of campaign work names its campaign. The pair (item, annotator) is now unique per
-- campaign, and once for ordinary work (NULLS NOT DISTINCT: a NULL campaign counts as one value).
ALTER TABLE "assignments" ADD COLUMN "campaign_id" UUID;
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_campaign_id_fkey"
    FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;
DROP INDEX "assignments_item_id_user_id_key";
CREATE UNIQUE INDEX "assignments_item_id_user_id_key"
    ON "assignments"("item_id", "user_id", "campaign_id") NULLS NOT DISTINCT;

-- Item flags: an annotator's "unclear", "broken" or guideline question about an item, with a note,
-- and a lead's answer, which the annotator sees in their workspace. Part of the item's history.
CREATE TYPE "ItemFlagKind" AS ENUM ('unclear', 'broken', 'guideline_question');

CREATE TABLE "item_flags" (
    "id" BIGSERIAL NOT NULL,
    "project_id" UUID NOT NULL,
    "item_id" BIGINT NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" "ItemFlagKind" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answer" TEXT,
    "answered_by_id" UUID,
    "answered_at" TIMESTAMPTZ(3),
    CONSTRAINT "item_flags_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "item_flags_answer_check" CHECK (("answer" IS NULL) = ("answered_at" IS NULL))
);
CREATE INDEX "item_flags_project_id_answered_at_idx" ON "item_flags"("project_id", "answered_at");
CREATE INDEX "item_flags_item_id_idx" ON "item_flags"("item_id");
CREATE INDEX "item_flags_user_id_created_at_idx" ON "item_flags"("user_id", "created_at");
ALTER TABLE "item_flags" ADD CONSTRAINT "item_flags_project_id_fkey"
    FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "item_flags" ADD CONSTRAINT "item_flags_item_id_fkey"
    FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "item_flags" ADD CONSTRAINT "item_flags_user_id_fkey"
    FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "item_flags" ADD CONSTRAINT "item_flags_answered_by_id_fkey"
    FOREIGN KEY ("answered_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
