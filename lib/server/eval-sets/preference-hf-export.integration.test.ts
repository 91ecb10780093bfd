import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { POST as freezeRoute } from "@/app/api/v1/eval-sets/[id]/freeze/route";
import { GET as exportRoute } from "@/app/api/v1/eval-sets/[id]/versions/[version]/export/route";
import { POST as createSetRoute } from "@/app/api/v1/projects/[id]/eval-sets/route";
import { disconnectDb } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { loadYaml } from "@/lib/testing/load-yaml";
import { claimAs, createLabelingProject, submitAs } from "@/lib/testing/queue-fixtures";

const work = mkdtempSync(join(tmpdir(), "concord-preference-hf-test-"));
chmodSync(work, 0o755);

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await disconnectDb();
});

async function download(token: string, id: string, query: string) {
  const response = await exportRoute(
    new Request(`http://localhost/x${query}`, { headers: { authorization: `Bearer ${token}` } }),
    { params: Promise.resolve({ id, version: "1" }) },
  );
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

// The prompt is a conversation, as an HH-RLHF import leaves it; the sides are strings.
const prompt = (i: number) => [
  { role: "user", content: `Question ${i}?` },
  { role: "assistant", content: "Say more." },
  { role: "user", content: `More about ${i}.` },
];
const SIDES = ["A", "B", "tie", "A"];

describe("format=preference-hf of a frozen set", () => {
  it("is a datasets folder of the preference pairs: same bytes twice, the pairs file as recorded, features declared", async () => {
    const { lead, annotators, params } = await createLabelingProject({
      items: 4,
      overlap: 1,
      annotators: 1,
      definitions: [{ key: "ab", kind: "pairwise", textFields: ["a", "b"], textField: "dialogue" }],
      data: (i) => ({ dialogue: prompt(i), a: `left ${i}`, b: `right ${i}` }),
    });
    const [annotator] = annotators;
    const chose = new Map<number, string>();
    for (;;) {
      const next = await claimAs(annotator.token, params);
      if (next.status === 204) break;
      const i = Number(next.body.item.externalId.split("-")[1]);
      chose.set(i, SIDES[i % SIDES.length]);
      expect((await submitAs(annotator.token, next.body.assignmentId, { ab: chose.get(i) })).status).toBe(
        201,
      );
    }
    expect(chose.size).toBe(4);
    const set = await callRoute(createSetRoute, {
      token: lead.token,
      params,
      json: { name: `hf prefs ${params.id}` },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(201);
    const frozen = await callRoute(freezeRoute, {
      method: "POST",
      token: lead.token,
      params: { id: set.body.id },
    });
    expect(frozen.status, JSON.stringify(frozen.body)).toBe(201);

    const first = await download(lead.token, set.body.id, "?format=preference-hf");
    expect(first.status, first.bytes.toString()).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/gzip");
    expect(first.headers.get("content-disposition")).toMatch(/\.preference\.hf\.tar\.gz"$/);
    const again = await download(lead.token, set.body.id, "?format=preference-hf");
    expect(again.bytes.equals(first.bytes)).toBe(true);

    const archive = join(work, "prefs.tar.gz");
    writeFileSync(archive, first.bytes);
    execFileSync("tar", ["-xzf", archive, "-C", work]);
    const folder = join(
      work,
      execFileSync("tar", ["-tzf", archive]).toString().split("\n")[0].replace(/\/$/, ""),
    );
    const data = readFileSync(join(folder, "data/test.jsonl"));
    const pairs = await download(lead.token, set.body.id, "?format=preference");
    expect(data.equals(pairs.bytes)).toBe(true);
    const sha256 = createHash("sha256").update(data).digest("hex");
    expect(pairs.headers.get("x-concord-file-sha256")).toBe(sha256);

    // Independent reference: one pair per item answered A or B, none for the tie.
    const lines = data
      .toString()
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    const expected = [...chose.entries()]
      .filter(([, side]) => side !== "tie")
      .sort(([x], [y]) => x - y)
      .map(([i, side]) => ({
        prompt: prompt(i),
        chosen: side === "A" ? `left ${i}` : `right ${i}`,
        rejected: side === "A" ? `right ${i}` : `left ${i}`,
      }));
    expect(lines.map(({ prompt, chosen, rejected }) => ({ prompt, chosen, rejected }))).toEqual(expected);

    const card = readFileSync(join(folder, "README.md"), "utf8");
    const front = (await loadYaml(/^---\n([\s\S]*?)\n---\n/.exec(card)![1])) as {
      dataset_info: { features: unknown[]; splits: unknown[] };
    };
    const turn = [
      { name: "content", dtype: "string" },
      { name: "role", dtype: "string" },
    ];
    expect(front.dataset_info.features.slice(0, 3)).toEqual([
      { name: "prompt", list: turn },
      { name: "chosen", dtype: "string" },
      { name: "rejected", dtype: "string" },
    ]);
    expect(front.dataset_info.splits).toEqual([{ name: "test", num_examples: expected.length }]);
    expect(card).toContain(`\`${sha256}\``);
    expect(card).toContain("checked against the hash the freeze recorded");
    expect(JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8")).preference.sha256).toBe(sha256);

    const bad = await download(lead.token, set.body.id, "?format=preference-hf&annotations=true");
    expect(bad.status).toBe(400);
  });
});
