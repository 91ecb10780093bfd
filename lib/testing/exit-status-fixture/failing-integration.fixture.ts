import pg from "pg";
import { expect, it } from "vitest";

it("fails on purpose after reaching the real PostgreSQL (integration)", async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query<{ one: number }>("SELECT 1 AS one");
  await client.end();
  expect(rows[0].one).toBe(2);
});
