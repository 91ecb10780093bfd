// The claim's reservation check costs nothing where nothing is reserved: the look-up in
// item_assignees is never executed for an unreserved item (docs/decisions/019-…).
import { afterAll, describe, expect, it } from "vitest";
import { disconnectDb, getPool } from "@/lib/db";
import { createLabelingProject } from "@/lib/testing/queue-fixtures";

afterAll(async () => {
  await disconnectDb();
});

// The claim's pick (prisma/functions/queue-claim.sql, concord_claim_unchecked), as a plain statement.
const PICK = `
  SELECT i.id FROM items i
   WHERE i.project_id = $1 AND i.done_count + i.lease_count < i.target_count
     AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.item_id = i.id AND a.user_id = $2)
     AND (NOT i.reserved
          OR EXISTS (SELECT 1 FROM item_assignees x WHERE x.item_id = i.id AND x.user_id = $2))
   ORDER BY (i.done_count + i.lease_count > 0) DESC, i.priority DESC, i.id
   LIMIT 1 FOR UPDATE OF i SKIP LOCKED`;

async function explain(projectId: string, userId: string): Promise<string> {
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${PICK}`,
      [projectId, userId],
    );
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}

describe("the claim's reservation check", () => {
  it("is never executed in a project with no reserved item, and is where items are reserved", async () => {
    const { annotators, project } = await createLabelingProject({ items: 30, overlap: 1, annotators: 1 });
    const plan = await explain(project.id, annotators[0].id);
    const lookUp = plan.split("\n").find((line) => /item_assignees/.test(line));
    expect(lookUp, plan).toMatch(/never executed/);
    await getPool().query("UPDATE items SET reserved = true WHERE project_id = $1", [project.id]);
    const reserved = await explain(project.id, annotators[0].id);
    expect(
      reserved.split("\n").find((line) => /item_assignees/.test(line)),
      reserved,
    ).not.toMatch(/never executed/);
  });
});
