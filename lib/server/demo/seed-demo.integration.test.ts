import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { GET as driftRoute } from "@/app/api/v1/projects/[id]/agreement/drift/route";
import { GET as finalLabelsRoute } from "@/app/api/v1/projects/[id]/final-labels/route";
import { GET as exportRoute } from "@/app/api/v1/eval-sets/[id]/versions/[version]/export/route";
import { POST as nextRoute } from "@/app/api/v1/projects/[id]/queue/next/route";
import { krippendorffAlpha } from "@/lib/agreement/krippendorff";
import type { Rating } from "@/lib/agreement/types";
import { db, disconnectDb, getPool } from "@/lib/db";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { callRoute } from "@/lib/testing/call-route";
import { DEMO_OPEN_ITEMS } from "./seed-demo-annotations";
import { DEMO_PROJECT_NAME, seedDemo } from "./seed-demo";
import { DRIFT_BATCHES, DRIFT_PROJECT_NAME } from "./seed-drift-project";
import { HH_PROJECT_NAME } from "./seed-hh-project";

// One file for every test that seeds the demo: files run in parallel on one database, and two
// seeds at once would race to create the same projects.
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

async function tokenOf(email: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  return (await createApiToken(user.id, "demo test")).token;
}

async function projectId(name: string) {
  return (await db.project.findUniqueOrThrow({ where: { name } })).id;
}

/** The batch's annotations as a units × annotators matrix, straight from the tables. */
async function batchMatrix(batchId: string): Promise<Rating[][]> {
  const { rows } = await getPool().query<{ item_id: string; user_id: string; value: string }>(
    `SELECT a.item_id, a.user_id, a.value #>> '{}' AS value
       FROM annotations a JOIN items i ON i.id = a.item_id WHERE i.batch_id = $1`,
    [batchId],
  );
  const users = [...new Set(rows.map((r) => r.user_id))];
  const items = new Map<string, Rating[]>();
  for (const r of rows) {
    if (!items.has(r.item_id))
      items.set(
        r.item_id,
        users.map(() => null),
      );
    items.get(r.item_id)![users.indexOf(r.user_id)] = r.value;
  }
  return [...items.values()];
}

describe("the demo gives every role something on first sign-in", () => {
  it("the lead finds the sentences where one of five workers dissents waiting for adjudication", async () => {
    await seedDemo();
    const id = await projectId(DEMO_PROJECT_NAME);
    const { rows: disputed } = await getPool().query<{ item_id: string }>(
      `SELECT item_id FROM annotations WHERE project_id = $1
        GROUP BY item_id HAVING count(DISTINCT value) > 1 ORDER BY item_id`,
      [id],
    );
    expect(disputed.length).toBeGreaterThan(100);
    const token = await tokenOf("lead@concord.local");
    const listed: string[] = [];
    let after: string | null = null;
    do {
      const page = await callRoute(finalLabelsRoute, {
        token,
        path: `/x?state=unresolved&limit=200${after ? `&after=${after}` : ""}`,
        params: { id },
      });
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      listed.push(...(page.body.items as { itemId: string }[]).map((i) => i.itemId));
      after = page.body.nextCursor as string | null;
    } while (after);
    expect(listed.sort()).toEqual(disputed.map((r) => r.item_id).sort());
  });

  it("the engineer finds a frozen eval set of the unanimous sentences whose hash is its export's", async () => {
    await seedDemo();
    const id = await projectId(DEMO_PROJECT_NAME);
    const { rows: unanimous } = await getPool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT item_id FROM annotations WHERE project_id = $1
          GROUP BY item_id HAVING count(DISTINCT value) = 1 AND count(*) = 5) u`,
      [id],
    );
    const { rows: versions } = await getPool().query<{
      eval_set_id: string;
      version: number;
      item_count: number;
      sha256: string;
    }>(
      `SELECT v.eval_set_id, v.version, v.item_count, v.sha256
         FROM eval_set_versions v JOIN eval_sets s ON s.id = v.eval_set_id WHERE s.project_id = $1`,
      [id],
    );
    expect(versions).toHaveLength(1);
    const [v] = versions;
    expect(v.version).toBe(1);
    expect(v.item_count).toBe(unanimous[0].n);
    expect(v.item_count).toBeGreaterThan(100);

    const response = await exportRoute(
      new Request("http://localhost/x", {
        headers: { authorization: `Bearer ${await tokenOf("engineer@concord.local")}` },
      }),
      { params: Promise.resolve({ id: v.eval_set_id, version: "1" }) },
    );
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.toString("utf8").trimEnd().split("\n")).toHaveLength(v.item_count);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(v.sha256);
  });

  it("the drift page flags the later batch, on which the workers really agree less", async () => {
    await seedDemo();
    const id = await projectId(DRIFT_PROJECT_NAME);
    const { rows: batches } = await getPool().query<{ id: string; name: string; items: number }>(
      `SELECT b.id, b.name, count(i.id)::int AS items FROM batches b JOIN items i ON i.batch_id = b.id
        WHERE b.project_id = $1 GROUP BY b.id ORDER BY min(i.id)`,
      [id],
    );
    expect(batches.map((b) => [b.name, b.items])).toEqual([
      [DRIFT_BATCHES.right, 240],
      [DRIFT_BATCHES.fooled, 480],
    ]);
    const [right, fooled] = await Promise.all(
      batches.map(async (b) => krippendorffAlpha(await batchMatrix(b.id), "nominal")!),
    );

    const drift = await callRoute(driftRoute, { token: await tokenOf("lead@concord.local"), params: { id } });
    expect(drift.status, JSON.stringify(drift.body)).toBe(200);
    type TWindow = {
      label: string;
      isAgreementDrop: boolean;
      agreement: { value: number; ci: [number, number] };
    };
    const sentiment = (drift.body.definitions as { key: string; byBatch: TWindow[] }[]).find(
      (d) => d.key === "sentiment",
    )!;
    const [first, later] = sentiment.byBatch;
    expect(first.label).toBe(DRIFT_BATCHES.right);
    expect(first.agreement.value).toBeCloseTo(right, 10);
    expect(first.isAgreementDrop).toBe(false);
    expect(later.label).toBe(DRIFT_BATCHES.fooled);
    expect(later.agreement.value).toBeCloseTo(fooled, 10);
    // The reference's drop, against the rule the page states: below the earlier batch's interval.
    expect(fooled).toBeLessThan(first.agreement.ci[0]);
    expect(later.isAgreementDrop).toBe(true);
  });
});

/** The reply a transcript ends with: what follows its last Assistant marker, read off the raw text. */
function lastReply(transcript: string): string {
  const marker = "\n\nAssistant:";
  return transcript.slice(transcript.lastIndexOf(marker) + marker.length).replace(/^ /, "");
}

describe("the HH-RLHF demo project", () => {
  it("holds the benign pairs as conversations, each with the crowdworker's real preference", async () => {
    await seedDemo();
    await seedDemo();
    // The reference: the committed subset itself, read apart from the seed's code.
    const dir = "prisma/demo/hh_rlhf_harmless";
    const pairs = readFileSync(`${dir}/harmless-base-test-demo.jsonl`, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { chosen: string; rejected: string });
    const sourceLines = JSON.parse(readFileSync(`${dir}/source-lines.json`, "utf8")) as number[];
    expect(pairs).toHaveLength(sourceLines.length);
    expect(pairs.length).toBeGreaterThanOrEqual(30);

    const project = await db.project.findUniqueOrThrow({ where: { name: HH_PROJECT_NAME } });
    expect(project.conversationField).toBe("prompt");
    expect(project.hiddenFields).toEqual(["hh_chosen"]);
    const definitions = await getPool().query<{ kind: string; spec: Record<string, unknown> }>(
      `SELECT d.kind, v.spec FROM label_definitions d
         JOIN label_definition_versions v ON v.definition_id = d.id AND v.version = d.current_version
        WHERE d.project_id = $1`,
      [project.id],
    );
    expect(definitions.rows).toHaveLength(1);
    expect(definitions.rows[0].kind).toBe("pairwise");
    expect(definitions.rows[0].spec.shuffleSides).toBe(true);
    expect(definitions.rows[0].spec.allowTie).toBe(false);
    const [sideA, sideB] = definitions.rows[0].spec.textFields as [string, string];

    const { rows } = await getPool().query<{
      external_id: string;
      data: Record<string, unknown>;
      done_count: number;
      target_count: number;
      annotator: string;
      is_external: boolean;
      value: unknown;
    }>(
      `SELECT i.external_id, i.data, i.done_count, i.target_count, u.name AS annotator,
              u.external_project_id = i.project_id AS is_external, a.value
         FROM items i JOIN annotations a ON a.item_id = i.id JOIN users u ON u.id = a.user_id
        WHERE i.project_id = $1`,
      [project.id],
    );
    expect(await db.item.count({ where: { projectId: project.id } })).toBe(pairs.length);
    expect(rows).toHaveLength(pairs.length);
    const byId = new Map(rows.map((r) => [r.external_id, r]));
    const seenSides = new Set<unknown>();
    pairs.forEach((pair, i) => {
      const row = byId.get(`harmless-base-test-${sourceLines[i]}`)!;
      expect(row, `line ${sourceLines[i]}`).toBeDefined();
      const chosen = lastReply(pair.chosen);
      const rejected = lastReply(pair.rejected);
      const expected = row.data[sideA] === chosen ? "A" : "B";
      expect(row.data[expected === "A" ? sideA : sideB]).toBe(chosen);
      expect(row.data[expected === "A" ? sideB : sideA]).toBe(rejected);
      expect(row.value).toBe(expected);
      expect([row.annotator, row.is_external]).toEqual(["hh-rlhf crowdworker", true]);
      // One judgment made of three: the item stays open for the demo's annotators.
      expect([row.done_count, row.target_count]).toEqual([1, 3]);
      const prompt = row.data.prompt as { role: string; content: string }[];
      expect(prompt.at(-1)?.role).toBe("user");
      expect(pair.chosen.startsWith(`\n\nHuman: ${prompt[0].content}`)).toBe(true);
      seenSides.add(expected);
    });
    // The preferred reply is not always on the same side of the data.
    expect([...seenSides].sort()).toEqual(["A", "B"]);

    // The demo annotator is served these pairs, without the note of which side was chosen.
    const served = await callRoute(nextRoute, {
      method: "POST",
      token: await tokenOf("annotator@concord.local"),
      params: { id: project.id },
    });
    expect(served.status, JSON.stringify(served.body)).toBe(200);
    expect(Object.keys(served.body.item.data).sort()).toEqual(["prompt", "reply_a", "reply_b"]);
    expect(typeof served.body.sidesFlipped).toBe("boolean");
    const roles = await getPool().query<{ email: string; role: string }>(
      `SELECT u.email, m.role FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.project_id = $1 AND u.email LIKE '%@concord.local' ORDER BY u.email`,
      [project.id],
    );
    expect(roles.rows.map((r) => [r.email, r.role])).toEqual([
      ["annotator@concord.local", "annotator"],
      ["engineer@concord.local", "engineer"],
      ["lead@concord.local", "lead"],
    ]);
  });
});
