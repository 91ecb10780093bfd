import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { POST as createDefinition } from "@/app/api/v1/projects/[id]/label-definitions/route";
import { POST as importRoute } from "@/app/api/v1/projects/[id]/items/route";
import { db, disconnectDb } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { createTestProject, createTestUser } from "@/lib/testing/factories";

afterAll(async () => {
  await disconnectDb();
});

const FIXTURE = readFileSync(
  join(process.cwd(), "lib/testing/fixtures/hh-rlhf/harmless-base-test-20.jsonl"),
  "utf8",
);

async function setup(definitions: Record<string, unknown>[]) {
  const lead = await createTestUser();
  const project = await createTestProject([{ userId: lead.id, role: "lead" }]);
  const params = { id: project.id };
  for (const json of definitions) {
    expect((await callRoute(createDefinition, { token: lead.token, params, json })).status).toBe(201);
  }
  const upload = (body: string, query = "") =>
    callRoute(importRoute, {
      method: "POST",
      path: `/api/v1/projects/${project.id}/items?format=hh-rlhf${query}`,
      token: lead.token,
      params,
      body,
      headers: { "content-type": "application/x-ndjson" },
    });
  return { project, upload };
}

const PAIRWISE = {
  key: "better",
  kind: "pairwise",
  textField: "dialogue",
  textFields: ["left_reply", "right_reply"],
  shuffleSides: true,
};

// The reference split, written apart from the dialect: cut both transcripts at every
// "\n\nHuman: " / "\n\nAssistant: " and keep the longest run of equal leading turns.
function referenceSplit(chosen: string, rejected: string) {
  const turns = (t: string) =>
    t
      .split(/(?=\n\n(?:Human|Assistant):)/)
      .filter((s) => s !== "")
      .map((s) => {
        const m = /^\n\n(Human|Assistant): ?([\s\S]*)$/.exec(s)!;
        return { role: m[1] === "Human" ? "user" : "assistant", content: m[2], raw: s };
      });
  const a = turns(chosen);
  const b = turns(rejected);
  let n = 0;
  while (n < a.length && n < b.length && a[n].raw === b[n].raw) n++;
  const rest = (ts: typeof a) =>
    ts.length === 1 && ts[0].role === "assistant"
      ? ts[0].content
      : ts.map((t) => t.raw.replace(/^\n\n/, "").replace(/^(Human|Assistant): ?/, "$1: ")).join("\n\n");
  return {
    prompt: a.slice(0, n).map(({ role, content }) => ({ role, content })),
    chosen: rest(a.slice(n)),
    rejected: rest(b.slice(n)),
  };
}

describe("HH-RLHF import (?format=hh-rlhf)", () => {
  it("splits each pair into the prompt conversation and the pairwise definition's two sides", async () => {
    const { project, upload } = await setup([PAIRWISE]);
    const res = await upload(FIXTURE);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ imported: 20, total: 20, skippedCount: 0 });
    const items = await db.item.findMany({ where: { projectId: project.id }, orderBy: { id: "asc" } });
    const records = FIXTURE.trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { chosen: string; rejected: string });
    expect(items).toHaveLength(records.length);
    const sidesOfChosen = new Set<string>();
    records.forEach((record, i) => {
      const want = referenceSplit(record.chosen, record.rejected);
      const data = items[i].data as Record<string, unknown>;
      expect(Object.keys(data).sort()).toEqual(["dialogue", "hh_chosen", "left_reply", "right_reply"]);
      expect(data.dialogue).toEqual(want.prompt);
      const chosenField = data.hh_chosen === "A" ? "left_reply" : "right_reply";
      const rejectedField = data.hh_chosen === "A" ? "right_reply" : "left_reply";
      expect(data[chosenField]).toBe(want.chosen);
      expect(data[rejectedField]).toBe(want.rejected);
      sidesOfChosen.add(String(data.hh_chosen));
    });
    // Neither side always holds the preferred answer.
    expect([...sidesOfChosen].sort()).toEqual(["A", "B"]);
    // The prompt ends where the sides begin: on the last shared Human turn, never mid-answer.
    const prompts = items.map((it) => (it.data as { dialogue: { role: string }[] }).dialogue);
    expect(prompts.filter((p) => p.at(-1)?.role !== "user")).toHaveLength(0);

    const again = await upload(FIXTURE);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ imported: 0, duplicatesInProject: 20 });
  });

  it("fills prompt, a and b when the project has no pairwise definition yet", async () => {
    const { project, upload } = await setup([]);
    const first = FIXTURE.split("\n")[0];
    expect((await upload(first)).status).toBe(201);
    const item = await db.item.findFirstOrThrow({ where: { projectId: project.id } });
    expect(Object.keys(item.data as object).sort()).toEqual(["a", "b", "hh_chosen", "prompt"]);
  });

  it("names the line and field of bad records and writes nothing; onInvalid=skip imports the rest", async () => {
    const { project, upload } = await setup([PAIRWISE]);
    const good = FIXTURE.split("\n").slice(0, 2);
    const bad = [
      JSON.stringify({ rejected: "\n\nHuman: hi\n\nAssistant: no" }),
      JSON.stringify({ chosen: 7, rejected: "\n\nHuman: hi\n\nAssistant: no" }),
      JSON.stringify({ chosen: "hello there", rejected: "\n\nHuman: hi\n\nAssistant: no" }),
      JSON.stringify({
        chosen: "\n\nHuman: hi\n\nAssistant: yes",
        rejected: "\n\nHuman: bye\n\nAssistant: no",
      }),
      JSON.stringify({
        chosen: "\n\nHuman: hi\n\nAssistant: yes",
        rejected: "\n\nHuman: hi\n\nAssistant: yes",
      }),
      JSON.stringify(["chosen", "rejected"]),
    ];
    const body = [good[0], ...bad, good[1]].join("\n");
    const res = await upload(body);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const errors = res.body.errors as { line: number; path: string; message: string }[];
    expect(errors.map((e) => [e.line, e.path])).toEqual([
      [2, "chosen"],
      [3, "chosen"],
      [4, "chosen"],
      [5, "rejected"],
      [6, "chosen"],
      [6, "rejected"],
      [7, "(record)"],
    ]);
    expect(errors[0].message).toMatch(/got missing|got undefined|string/);
    expect(await db.item.count({ where: { projectId: project.id } })).toBe(0);
    expect(await db.batch.count({ where: { projectId: project.id } })).toBe(0);

    const skipped = await upload(body, "&onInvalid=skip");
    expect(skipped.status).toBe(201);
    expect(skipped.body).toMatchObject({ imported: 2, skippedCount: 6 });
    expect(await db.item.count({ where: { projectId: project.id } })).toBe(2);
  });

  it("asks which pairwise definition when there are several, and refuses one that is not pairwise", async () => {
    const { upload } = await setup([
      PAIRWISE,
      // Two questions on the same pair (every item must carry each definition's fields).
      { ...PAIRWISE, key: "safer" },
      { key: "topic", kind: "single_choice", options: [{ key: "t" }] },
    ]);
    const first = FIXTURE.split("\n")[0];
    const several = await upload(first);
    expect(several.status).toBe(422);
    expect(several.body.errors[0].path).toBe("definition");
    const notPairwise = await upload(first, "&definition=topic");
    expect(notPairwise.status).toBe(422);
    expect(notPairwise.body.errors[0].path).toBe("definition");
    expect((await upload(first, "&definition=safer")).status).toBe(201);
  });

  it("refuses field mapping, which applies to Concord records only", async () => {
    const { upload } = await setup([PAIRWISE]);
    const res = await upload(FIXTURE, "&dataFields=chosen");
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe("dataFields");
  });
});
