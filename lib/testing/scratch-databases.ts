import pg from "pg";

// Databases of their own on the integration tests' server, for tests that migrate from nothing.
const created: string[] = [];
const adminUrl = () => process.env.TEST_DATABASE_ADMIN_URL!;

export async function createScratchDatabase(prefix: string): Promise<string> {
  const name = `${prefix}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  await admin.end();
  created.push(name);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops every database this test file created (in afterAll). */
export async function dropScratchDatabases() {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  for (const name of created.splice(0)) {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  }
  await admin.end();
}

/** One query on a connection of its own. */
export async function queryDatabase<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
