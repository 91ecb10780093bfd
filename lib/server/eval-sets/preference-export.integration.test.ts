import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { POST as freezeRoute } from "@/app/api/v1/eval-sets/[id]/freeze/route";
import { GET as versionRoute } from "@/app/api/v1/eval-sets/[id]/versions/[version]/route";
import { GET as exportRoute } from "@/app/api/v1/eval-sets/[id]/versions/[version]/export/route";
import { POST as createSetRoute } from "@/app/api/v1/projects/[id]/eval-sets/route";
import { exportCommand } from "@/lib/cli/concord/export-command";
import { disconnectDb } from "@/lib/db";
import { startAppRouteServer } from "@/lib/testing/app-route-server";
import { callRoute } from "@/lib/testing/call-route";
import { createTestUser } from "@/lib/testing/factories";
import { claimAs, createLabelingProject, submitAs } from "@/lib/testing/queue-fixtures";
import { POST as addMemberRoute } from "@/app/api/v1/projects/[id]/members/route";

const work = mkdtempSync(join(tmpdir(), "concord-preference-test-"));

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await disconnectDb();
});

const RESPONSES = (i: number) => [`alpha ${i}`, `beta ${i}`, `gamma ${i}`, `delta ${i}`];
const RANKINGS = [
  [1, 2, 3, 4],
  [2, 1, 3, 4],
  [1, 3, 2, 4],
  [4, 3, 2, 1],
];

async function download(token: string, id: string, query: string) {
  const response = await exportRoute(
    new Request(`http://localhost/x${query}`, { headers: { authorization: `Bearer ${token}` } }),
    { params: Promise.resolve({ id, version: "1" }) },
  );
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe("format=preference of a frozen set", () => {
  it("has exactly the pairs its final labels imply, the same bytes every time, counted and hashed in the manifest", async () => {
    const { lead, annotators, params } = await createLabelingProject({
      items: 5,
      overlap: 3,
      annotators: 3,
      definitions: [
        { key: "rank", kind: "ranking" },
        { key: "ab", kind: "pairwise", textFields: ["a", "b"], textField: "prompt" },
      ],
      data: (i) => ({ prompt: `Prompt ${i}`, responses: RESPONSES(i), a: `A side ${i}`, b: `B side ${i}` }),
    });
    // What each annotator submits on item i: a ranking and a side, chosen so that items have no
    // exact majority ranking (the mean-rank rule decides) and pairwise finals of each kind.
    const submitted = new Map<string, { rank: number[]; ab: string }[]>();
    for (let round = 0; round < 20; round++) {
      let served = 0;
      for (const [n, annotator] of annotators.entries()) {
        const next = await claimAs(annotator.token, params);
        if (next.status === 204) continue;
        const i = Number(next.body.item.externalId.split("-")[1]);
        const values = {
          rank: RANKINGS[(i + n) % RANKINGS.length],
          ab: ["A", "B", "tie", "A", "B"][(i + (n === 2 ? 1 : 0)) % 5],
        };
        expect((await submitAs(annotator.token, next.body.assignmentId, values)).status).toBe(201);
        if (!submitted.has(next.body.item.externalId)) submitted.set(next.body.item.externalId, []);
        submitted.get(next.body.item.externalId)!.push(values);
        served++;
      }
      if (served === 0) break;
    }
    const engineer = await createTestUser();
    await callRoute(addMemberRoute, {
      token: lead.token,
      params,
      json: { email: engineer.email, role: "engineer" },
    });
    const set = await callRoute(createSetRoute, {
      token: lead.token,
      params,
      json: { name: `prefs ${params.id}` },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(201);
    const frozen = await callRoute(freezeRoute, {
      method: "POST",
      token: lead.token,
      params: { id: set.body.id },
    });
    expect(frozen.status, JSON.stringify(frozen.body)).toBe(201);

    // Independent reference: mean ranks by hand (no shared code), then every strictly better pair;
    // the pairwise majority of the three sides.
    const expected: string[] = [];
    const sorted = [...submitted.entries()].sort(
      ([a], [b]) => Number(a.split("-")[1]) - Number(b.split("-")[1]),
    );
    for (const [externalId, values] of sorted) {
      const i = Number(externalId.split("-")[1]);
      const means = [0, 1, 2, 3].map((j) => values.reduce((s, v) => s + v.rank[j], 0) / values.length);
      const order = [0, 1, 2, 3].sort((x, y) => means[x] - means[y] || x - y);
      const pairs: string[] = [];
      for (let x = 0; x < 4; x++)
        for (let y = x + 1; y < 4; y++)
          if (means[order[x]] < means[order[y]])
            pairs.push(`rank|${RESPONSES(i)[order[x]]}|${RESPONSES(i)[order[y]]}`);
      const sides = values.map((v) => v.ab);
      const winner = ["A", "B", "tie"].find((s) => sides.filter((x) => x === s).length > sides.length / 2);
      const ab =
        winner === "A"
          ? [`ab|A side ${i}|B side ${i}`]
          : winner === "B"
            ? [`ab|B side ${i}|A side ${i}`]
            : [];
      expected.push(...pairs, ...ab);
    }

    const first = await download(engineer.token, set.body.id, "?format=preference");
    expect(first.status, first.text).toBe(200);
    const lines = first.text
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => `${l.definition}|${l.chosen}|${l.rejected}`)).toEqual(expected);
    expect(Object.keys(lines[0]).sort()).toEqual([
      "chosen",
      "definition",
      "external_id",
      "item_id",
      "prompt",
      "rejected",
    ]);
    expect(lines.find((l) => l.definition === "rank").prompt).toMatch(/^Prompt \d$/);

    const again = await download(engineer.token, set.body.id, "?format=preference");
    expect(again.text).toBe(first.text);
    const sha256 = createHash("sha256").update(first.text).digest("hex");
    const version = await callRoute(versionRoute, {
      token: engineer.token,
      params: { id: set.body.id, version: "1" },
    });
    expect(version.body.manifest.preference).toMatchObject({
      lines: expected.length,
      sha256,
      bytes: Buffer.byteLength(first.text),
    });
    expect(first.headers.get("x-concord-file-sha256")).toBe(sha256);
    // The manifest names the rule that made these finals: mean rank for the ranking, not "majority".
    const rules = new Map(
      (version.body.manifest.definitions as { key: string; rule: string }[]).map((d) => [d.key, d.rule]),
    );
    expect(rules.get("rank")).toMatch(/^mean rank: /);
    expect(rules.get("ab")).toMatch(/^majority: /);

    const bad = await download(engineer.token, set.body.id, "?format=preference&annotations=true");
    expect(bad.status).toBe(400);

    // The CLI downloads the same bytes and checks them against the recorded hash.
    const server = await startAppRouteServer();
    try {
      const file = join(work, "prefs.jsonl");
      const result = await exportCommand(
        [
          "--url",
          server.url,
          "--token",
          engineer.token,
          "--set",
          `prefs ${params.id}`,
          "--version",
          "1",
          "--format",
          "preference",
          "-o",
          file,
        ],
        { progress: () => undefined, info: () => undefined },
      );
      expect(result).toMatchObject({ isVerified: true, sha256 });
      expect(readFileSync(file, "utf8")).toBe(first.text);
    } finally {
      await server.close();
    }
  });
});
