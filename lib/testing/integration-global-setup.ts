// Integration tests run against real PostgreSQL: TEST_DATABASE_URL's server when set, else an
// embedded PostgreSQL started for this run. Either way a fresh database is created and migrated,
// and dropped at the end.
import { mkdtemp, rm, chmod } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type TEmbeddedPostgres } from "@/lib/server/db/embedded-postgres";
import { migrateDatabase } from "@/lib/server/db/migrate";

export default async function setup() {
  const database = `concord_test_${process.pid}_${Date.now()}`;
  let server: TEmbeddedPostgres | null = null;
  let tempDir: string | null = null;
  let adminUrl: string;
  let url: string;
  if (process.env.TEST_DATABASE_URL) {
    adminUrl = process.env.TEST_DATABASE_URL;
    const u = new URL(adminUrl);
    u.pathname = `/${database}`;
    url = u.toString();
  } else {
    tempDir = await mkdtemp(path.join(os.tmpdir(), "concord-test-"));
    await chmod(tempDir, 0o755); // PostgreSQL runs as another user and must reach its folder.
    server = await startEmbeddedPostgres({ dataDir: path.join(tempDir, "pg"), fastUnsafe: true });
    adminUrl = server.url("postgres");
    url = server.url(database);
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  await admin.end();
  await migrateDatabase(url);
  process.env.DATABASE_URL = url;
  process.env.TEST_DATABASE_ADMIN_URL = adminUrl;

  return async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
    await client.end();
    await server?.stop();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  };
}
