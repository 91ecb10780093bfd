-- People and roles (issue #15, docs/decisions/019-people-invitations-sso.md): users an admin lets
-- create projects, invitation links, and items reserved for named annotators.

-- A user who may create projects (and becomes the lead of each one they create); admins always may.
ALTER TABLE "users" ADD COLUMN "can_create_projects" BOOLEAN NOT NULL DEFAULT false;

-- A link that lets its holder create their account (name and password) once, before it expires.
-- Only the sha256 of the token is kept: the link is shown once, to whoever made it.
CREATE TABLE "invitations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "token_hash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "is_admin" BOOLEAN NOT NULL DEFAULT false,
    "project_id" UUID,
    "role" "ProjectRole",
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "accepted_user_id" UUID,
    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id"),
    -- A project invitation names the role it grants; an invitation to no project grants none.
    CONSTRAINT "invitations_role_with_project" CHECK (("project_id" IS NULL) = ("role" IS NULL)),
    CONSTRAINT "invitations_accepted_once" CHECK (("accepted_at" IS NULL) = ("accepted_user_id" IS NULL))
);
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations"("token_hash");
CREATE INDEX "invitations_project_id_idx" ON "invitations"("project_id");
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_project_id_fkey"
    FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_created_by_id_fkey"
    FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_user_id_fkey"
    FOREIGN KEY ("accepted_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Items a lead reserved for named annotators: an item with rows here is served to those annotators
-- only. `items.reserved` says whether an item has any, so the claim skips the look-up for the
-- (usual) items that have none, and a project with no reservation pays nothing.
CREATE TABLE "item_assignees" (
    "item_id" BIGINT NOT NULL,
    "user_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "item_assignees_pkey" PRIMARY KEY ("item_id", "user_id")
);
CREATE INDEX "item_assignees_project_id_user_id_idx" ON "item_assignees"("project_id", "user_id");
ALTER TABLE "item_assignees" ADD CONSTRAINT "item_assignees_item_id_fkey"
    FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "item_assignees" ADD CONSTRAINT "item_assignees_user_id_fkey"
    FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "item_assignees" ADD CONSTRAINT "item_assignees_project_id_fkey"
    FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "items" ADD COLUMN "reserved" BOOLEAN NOT NULL DEFAULT false;

-- users_auth_changed already announces disabled_at; can_create_projects does not end access.
