import { defineConfig } from "prisma/config";

// Prisma's CLI is used only for `prisma generate` here: migrations are SQL files applied by
// lib/server/db/migrate.ts (see docs/decisions/002-sql-migrations.md).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
