import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase, dropScratchDatabases, queryDatabase } from "@/lib/testing/scratch-databases";
import { migrateDatabase } from "./migrate";

// Each test gets a database of its own on the test server, with a small set of migration files.
const freshDatabase = () => createScratchDatabase("concord_migrate");

// A migrations folder with no functions folder beside it.
async function migrationsDir(files: Record<string, string>): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), "concord-migrations-")), "migrations");
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(path.join(dir, name), { recursive: true });
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

let dir: string;
beforeAll(async () => {
  dir = await migrationsDir({
    "20260101000000_first": "CREATE TABLE a (id int primary key); SELECT pg_sleep(0.3);",
    "20260102000000_second": "CREATE TABLE b (id int primary key);",
  });
});

afterAll(dropScratchDatabases);

describe("migrateDatabase", () => {
  it("applies each file once, in order, and records it in Prisma's table", async () => {
    const url = await freshDatabase();
    expect((await migrateDatabase(url, { dir })).applied).toEqual([
      "20260101000000_first",
      "20260102000000_second",
    ]);
    expect((await migrateDatabase(url, { dir })).applied).toEqual([]);
    const rows = await queryDatabase<{
      migration_name: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(
      url,
      `SELECT migration_name, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(["20260101000000_first", "20260102000000_second"]);
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
  });

  it("lets two processes migrate at once without applying a file twice", async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([migrateDatabase(url, { dir }), migrateDatabase(url, { dir })]);
    expect([...a.applied, ...b.applied].sort()).toEqual(["20260101000000_first", "20260102000000_second"]);
    const rows = await queryDatabase<{ n: string }>(url, "SELECT count(*) AS n FROM _prisma_migrations");
    expect(Number(rows[0].n)).toBe(2);
  });

  it("rolls back a failing file completely and records nothing for it", async () => {
    const url = await freshDatabase();
    const bad = await migrationsDir({
      "20260101000000_first": "CREATE TABLE a (id int primary key);",
      "20260103000000_broken": "CREATE TABLE c (id int); INSERT INTO nowhere VALUES (1);",
    });
    await expect(migrateDatabase(url, { dir: bad })).rejects.toThrow(/20260103000000_broken failed/);
    const tables = await queryDatabase<{ table_name: string }>(
      url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    expect(tables.map((t) => t.table_name)).toEqual(["_prisma_migrations", "a"]);
  });

  it("refuses to go on when an applied file was edited afterwards", async () => {
    const url = await freshDatabase();
    await migrateDatabase(url, { dir });
    const edited = await migrationsDir({
      "20260101000000_first": "CREATE TABLE a (id bigint primary key);",
      "20260102000000_second": "CREATE TABLE b (id int primary key);",
    });
    await expect(migrateDatabase(url, { dir: edited })).rejects.toThrow(/was changed after it was applied/);
  });
});
