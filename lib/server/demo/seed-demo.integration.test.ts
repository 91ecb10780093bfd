import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb, getPool } from "@/lib/db";
import { DEMO_OPEN_ITEMS } from "./seed-demo-annotations";
import { DEMO_PROJECT_NAME, seedDemo } from "./seed-demo";

afterAll(async () => {
  await disconnectDb();
});

describe("the demo seed", () => {
  it("builds the DynaSent project with the workers' real labels, once", async () => {
    await seedDemo();
    await seedDemo();
    const project = await db.project.findUniqueOrThrow({ where: { name: DEMO_PROJECT_NAME } });
    expect(await db.item.count({ where: { projectId: project.id } })).toBe(720);
    expect(await db.batch.count({ where: { projectId: project.id } })).toBe(1);

    // The reference: the dataset file itself, read independently of the seed's code.
    const records = readFileSync("prisma/demo/dynasent_r2/dynasent-v1.1-round02-dynabench-dev.jsonl", "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { text_id: string; label_distribution: Record<string, string[]> });
    const expected = new Map<string, string>();
    for (const r of records.slice(0, records.length - DEMO_OPEN_ITEMS)) {
      for (const [label, workers] of Object.entries(r.label_distribution)) {
        for (const w of workers) expected.set(`${r.text_id}|${w}@dynasent.example`, label);
      }
    }
    const { rows } = await getPool().query<{ key: string; value: string }>(
      `SELECT i.external_id || '|' || u.email AS key, a.value #>> '{}' AS value
         FROM annotations a JOIN items i ON i.id = a.item_id JOIN users u ON u.id = a.user_id
        WHERE a.project_id = $1`,
      [project.id],
    );
    expect(rows.length).toBe(expected.size);
    expect(new Map(rows.map((r) => [r.key, r.value]))).toEqual(expected);

    const counters = await getPool().query<{ bad: number; open: number }>(
      `SELECT count(*) FILTER (WHERE done_count <> (SELECT count(*) FROM assignments a WHERE a.item_id = i.id AND a.status = 'submitted'))::int AS bad,
              count(*) FILTER (WHERE done_count + lease_count < target_count)::int AS open
         FROM items i WHERE project_id = $1`,
      [project.id],
    );
    expect(counters.rows[0]).toEqual({ bad: 0, open: DEMO_OPEN_ITEMS });
  });
});
