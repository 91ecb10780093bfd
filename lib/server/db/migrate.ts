import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

// The same key `prisma migrate deploy` takes, so our runner and Prisma's exclude each other.
const MIGRATION_LOCK_KEY = 72707369;

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

/** `functions`: the prisma/functions files applied in this run (all of them, or none). */
export type TMigrationResult = { applied: string[]; alreadyApplied: number; functions: string[] };

type TMigrationFile = { name: string; sql: string; checksum: string };

const checksumOf = (sql: string) => createHash("sha256").update(sql).digest("hex");

export async function listMigrationFiles(dir = MIGRATIONS_DIR) {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory() && /^\d{14}_[a-z0-9_]+$/.test(e.name))
    .map((e) => e.name)
    .sort();
  const files: TMigrationFile[] = [];
  for (const name of names) {
    const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
    files.push({ name, sql, checksum: checksumOf(sql) });
  }
  return files;
}

/** The `*.sql` files of a functions folder (next to the migrations one), in name order; none if absent. */
export async function listFunctionFiles(dir: string) {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith(".sql")).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const files: TMigrationFile[] = [];
  for (const name of names) {
    const sql = await readFile(path.join(dir, name), "utf8");
    files.push({ name, sql, checksum: checksumOf(sql) });
  }
  return files;
}

/**
 * Applies every migration in prisma/migrations that the database has not recorded yet, in name
 * order, each inside its own transaction, under an advisory lock so that concurrent starters
 * apply each file once. Records rows in Prisma's `_prisma_migrations` format. Then brings the
 * functions to the text of prisma/functions (see applyFunctions), under the same lock.
 */
export async function migrateDatabase(
  databaseUrl: string,
  options: { dir?: string; functionsDir?: string; log?: (line: string) => void } = {},
): Promise<TMigrationResult> {
  const dir = options.dir ?? MIGRATIONS_DIR;
  const files = await listMigrationFiles(dir);
  const functionFiles = await listFunctionFiles(
    options.functionsDir ?? path.join(path.dirname(dir), "functions"),
  );
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const applied: string[] = [];
    for (const file of files) {
      const recorded = done.get(file.name);
      if (recorded !== undefined) {
        if (recorded !== file.checksum) {
          throw new Error(
            `Migration ${file.name} was changed after it was applied (checksum differs). Add a new migration instead.`,
          );
        }
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(file.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), file.checksum, file.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${file.name} failed: ${(error as Error).message}`, { cause: error });
      }
      options.log?.(`applied migration ${file.name}`);
      applied.push(file.name);
    }
    const functions = await applyFunctions(client, functionFiles, applied.length > 0);
    if (functions.length > 0) options.log?.(`applied functions ${functions.join(", ")}`);
    return { applied, alreadyApplied: done.size, functions };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/**
 * Functions live in prisma/functions, each with its current text in one file, as CREATE OR REPLACE
 * (docs/decisions/002-sql-migrations.md). All files run again, in name order and in one
 * transaction, when any file's checksum differs from the one recorded, or a migration ran in this
 * call (it may have dropped a function whose signature it changed, for the file to create anew).
 * Otherwise nothing runs, so a restart does not rewrite functions that sessions are executing.
 */
async function applyFunctions(
  client: pg.Client,
  files: TMigrationFile[],
  isAfterMigrations: boolean,
): Promise<string[]> {
  if (files.length === 0) return [];
  await client.query(`CREATE TABLE IF NOT EXISTS "_concord_functions" (
    "file_name" TEXT PRIMARY KEY,
    "checksum" VARCHAR(64) NOT NULL,
    "applied_at" TIMESTAMPTZ NOT NULL DEFAULT now()
  )`);
  const { rows } = await client.query<{ file_name: string; checksum: string }>(
    `SELECT file_name, checksum FROM "_concord_functions"`,
  );
  const recorded = new Map(rows.map((r) => [r.file_name, r.checksum]));
  const isCurrent =
    recorded.size === files.length && files.every((file) => recorded.get(file.name) === file.checksum);
  if (isCurrent && !isAfterMigrations) return [];
  await client.query("BEGIN");
  try {
    // On, as by default, but said: a body that does not parse, or a SQL function naming a missing
    // table, stops the start here rather than failing the first request that calls it.
    await client.query("SET LOCAL check_function_bodies = on");
    for (const file of files) {
      try {
        await client.query(file.sql);
      } catch (error) {
        throw new Error(`Functions file ${file.name} failed: ${(error as Error).message}`, { cause: error });
      }
    }
    await client.query(`DELETE FROM "_concord_functions"`);
    await client.query(
      `INSERT INTO "_concord_functions" (file_name, checksum)
       SELECT * FROM unnest($1::text[], $2::text[])`,
      [files.map((f) => f.name), files.map((f) => f.checksum)],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  return files.map((f) => f.name);
}
