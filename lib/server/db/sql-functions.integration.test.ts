// Functions live in prisma/functions, each one's current text in one file, and the migrate step
// applies those files after the migrations (docs/decisions/002-sql-migrations.md).
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db";
import { createScratchDatabase, dropScratchDatabases, queryDatabase } from "@/lib/testing/scratch-databases";
import { listFunctionFiles, listMigrationFiles, migrateDatabase } from "./migrate";

const FUNCTIONS_DIR = path.join(process.cwd(), "prisma", "functions");
// Migrations up to this one wrote functions themselves; their text moved to prisma/functions.
const LAST_MIGRATION_WITH_FUNCTIONS = "20261206040000_submit_conflict";
const CREATE_FUNCTION = /CREATE\s+OR\s+REPLACE\s+FUNCTION\s+"?(\w+)"?\s*\(/gi;

// The public schema's own functions (none comes from an extension), with what they run.
const FUNCTIONS_SQL = `
  SELECT p.proname AS name, p.prosrc AS body, p.xmin::text AS version
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
   WHERE n.nspname = 'public'
     AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
   ORDER BY p.proname`;
type TFunctionRow = { name: string; body: string; version: string };

/** name → body (between `AS $$` and `$$ LANGUAGE`) and the file it is in, for every function defined. */
async function definedFunctions() {
  const defined: { name: string; file: string; body: string }[] = [];
  for (const file of await listFunctionFiles(FUNCTIONS_DIR)) {
    for (const match of file.sql.matchAll(CREATE_FUNCTION)) {
      const start = file.sql.indexOf("AS $$", match.index) + "AS $$".length;
      const end = file.sql.indexOf("$$ LANGUAGE", start);
      defined.push({ name: match[1], file: file.name, body: file.sql.slice(start, end) });
    }
  }
  return defined;
}

async function functionsDirWith(file: string, edit: (sql: string) => string): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), "concord-functions-")), "functions");
  await cp(FUNCTIONS_DIR, dir, { recursive: true });
  await writeFile(path.join(dir, file), edit(await readFile(path.join(dir, file), "utf8")));
  return dir;
}

afterAll(dropScratchDatabases);

describe("prisma/functions", () => {
  it("holds every function the database has, each in exactly one file, with the text the database runs", async () => {
    const defined = await definedFunctions();
    const { rows } = await getPool().query<TFunctionRow>(FUNCTIONS_SQL);
    expect(defined.map((d) => d.name).sort()).toEqual(rows.map((r) => r.name));
    for (const row of rows) {
      const [only] = defined.filter((d) => d.name === row.name);
      expect({ name: row.name, body: row.body }).toEqual({ name: row.name, body: only.body });
    }
  });

  it("are changed only there: no later migration creates, replaces or renames a function", async () => {
    const later = (await listMigrationFiles()).filter((m) => m.name > LAST_MIGRATION_WITH_FUNCTIONS);
    const offending = later
      .filter((m) => /\b(CREATE\s+(OR\s+REPLACE\s+)?FUNCTION|ALTER\s+FUNCTION)\b/i.test(m.sql))
      .map((m) => m.name);
    // A migration that changes a signature DROPs the old function; the file holds the new one.
    expect(offending).toEqual([]);
  });

  it("are applied once: a second migrate leaves them as they are", async () => {
    const url = await createScratchDatabase("concord_functions");
    const first = await migrateDatabase(url);
    expect(first.functions).toEqual((await listFunctionFiles(FUNCTIONS_DIR)).map((f) => f.name));
    const before = await queryDatabase<TFunctionRow>(url, FUNCTIONS_SQL);
    expect(await migrateDatabase(url)).toMatchObject({ applied: [], functions: [] });
    // A rewritten function is a new row version: xmin would change.
    expect(await queryDatabase<TFunctionRow>(url, FUNCTIONS_SQL)).toEqual(before);
  });

  it("are applied again, all in one transaction, when a file changes", async () => {
    const url = await createScratchDatabase("concord_functions");
    await migrateDatabase(url);
    const edited = await functionsDirWith("queue-access.sql", (sql) =>
      sql.replace("RETURN concord_claim_unchecked(", "-- edited\n    RETURN concord_claim_unchecked("),
    );
    expect((await migrateDatabase(url, { functionsDir: edited })).functions).toContain("queue-access.sql");
    const [claim] = await queryDatabase<{ body: string }>(
      url,
      "SELECT prosrc AS body FROM pg_proc WHERE proname = 'concord_claim'",
    );
    expect(claim.body).toContain("-- edited");
    const recorded = await queryDatabase<{ checksum: string }>(
      url,
      `SELECT checksum FROM "_concord_functions" WHERE file_name = 'queue-access.sql'`,
    );
    const files = await listFunctionFiles(edited);
    expect(recorded).toEqual([{ checksum: files.find((f) => f.name === "queue-access.sql")!.checksum }]);

    // A file that fails leaves every function and the record as they were.
    const broken = await functionsDirWith("queue-submit.sql", (sql) => `${sql}\nCREATE FUNCTION nonsense(;`);
    await expect(migrateDatabase(url, { functionsDir: broken })).rejects.toThrow(/queue-submit.sql failed/);
    const [still] = await queryDatabase<{ body: string }>(
      url,
      "SELECT prosrc AS body FROM pg_proc WHERE proname = 'concord_claim'",
    );
    expect(still.body).toContain("-- edited");
  });

  it("are applied by one of two processes migrating at once", async () => {
    const url = await createScratchDatabase("concord_functions");
    const [a, b] = await Promise.all([migrateDatabase(url), migrateDatabase(url)]);
    const names = (await listFunctionFiles(FUNCTIONS_DIR)).map((f) => f.name);
    expect([a.functions, b.functions].sort((x, y) => x.length - y.length)).toEqual([[], names]);
  });
});
