import { afterAll, describe, expect, it } from "vitest";
import { POST as freezeRoute } from "@/app/api/v1/eval-sets/[id]/freeze/route";
import { PATCH as patchSetRoute } from "@/app/api/v1/eval-sets/[id]/route";
import { GET as versionRoute } from "@/app/api/v1/eval-sets/[id]/versions/[version]/route";
import { GET as auditRoute } from "@/app/api/v1/projects/[id]/audit/route";
import { POST as createSetRoute } from "@/app/api/v1/projects/[id]/eval-sets/route";
import { krippendorffAlpha } from "@/lib/agreement/krippendorff";
import { disconnectDb } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { annotate, createCurationProject } from "@/lib/testing/eval-set-fixtures";
import { uniqueName } from "@/lib/testing/factories";

afterAll(async () => {
  await disconnectDb();
});

// Items 0-3 by three annotators each; item 4 by two. Alpha (nominal) computed independently below.
const VOTES = [
  ["pos", "pos", "neg"],
  ["neg", "neg", "neg"],
  ["pos", "pos", "pos"],
  ["neu", "neu", "pos"],
  ["pos", "neg"],
];

async function labeled() {
  const s = await createCurationProject({ items: 5 });
  for (const [item, values] of VOTES.entries()) {
    for (const [i, value] of values.entries()) {
      await annotate(s.project.id, s.itemIds[item], s.annotators[i].id, { sentiment: value });
    }
  }
  return s;
}

const freeze = (token: string, id: string, json?: unknown) =>
  callRoute(freezeRoute, { method: "POST", token, params: { id }, ...(json === undefined ? {} : { json }) });

describe("release gates", () => {
  it("refuses bad gates with 422 naming the field, and nothing changes", async () => {
    const s = await labeled();
    const create = (gate: unknown) =>
      callRoute(createSetRoute, {
        token: s.lead.token,
        params: s.params,
        json: { name: uniqueName("set"), gate },
      });
    const bad = await create({ minAlpha: 1.5, minCiLow: -2, minAnnotations: 0 });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "gate.minAlpha",
      "gate.minAnnotations",
      "gate.minCiLow",
    ]);
    expect((await create({ minAnnotations: 2.5 })).status).toBe(422);
    const set = await create({ minAlpha: 0.5 });
    expect(set.body.gate).toEqual({ minAlpha: 0.5 });
    const patched = await callRoute(patchSetRoute, {
      method: "PATCH",
      token: s.lead.token,
      params: { id: set.body.id },
      json: { gate: { minAlpha: -1.01 } },
    });
    expect(patched.status).toBe(422);
    expect(patched.body.errors).toEqual([expect.objectContaining({ path: "gate.minAlpha" })]);
    const cleared = await callRoute(patchSetRoute, {
      method: "PATCH",
      token: s.lead.token,
      params: { id: set.body.id },
      json: { gate: null },
    });
    expect(cleared.body.gate).toBeNull();
  });

  it("a freeze that fails the gate is refused per definition, by how much; an override with a reason freezes and the manifest keeps it", async () => {
    const s = await labeled();
    const alpha = krippendorffAlpha(
      VOTES.map((row) => [...row, null]),
      "nominal",
    )!;
    const set = await callRoute(createSetRoute, {
      token: s.lead.token,
      params: s.params,
      json: {
        name: uniqueName("set"),
        filter: { resolution: "any" },
        gate: { minAlpha: 0.8, minAnnotations: 3 },
      },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(201);
    const refused = await freeze(s.lead.token, set.body.id);
    expect(refused.status).toBe(409);
    const by = Math.round((0.8 - alpha) * 1000) / 1000;
    expect(refused.body.errors).toEqual([
      {
        path: "definitions.sentiment",
        message: `alpha ${Math.round(alpha * 1000) / 1000} is below the gate's 0.8 by ${by}`,
      },
      {
        path: "definitions.sentiment",
        message: "1 of 5 items have fewer than 3 annotations (the fewest: 2)",
      },
    ]);
    const noReason = await freeze(s.lead.token, set.body.id, { override: {} });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ path: "override.reason" })]);
    expect((await freeze(s.lead.token, set.body.id, { override: { reason: "   " } })).status).toBe(422);
    expect((await freeze(s.engineer.token, set.body.id, { override: { reason: "x" } })).status).toBe(403);

    const frozen = await freeze(s.lead.token, set.body.id, { override: { reason: "Known hard slice" } });
    expect(frozen.status, JSON.stringify(frozen.body)).toBe(201);
    const version = await callRoute(versionRoute, {
      token: s.lead.token,
      params: { id: set.body.id, version: "1" },
    });
    expect(version.body.manifest.releaseGate).toMatchObject({
      gate: { minAlpha: 0.8, minAnnotations: 3 },
      passed: false,
      failures: [
        { definition: "sentiment", measure: "alpha", minimum: 0.8 },
        { definition: "sentiment", measure: "annotations", value: 2, minimum: 3 },
      ],
      override: { reason: "Known hard slice", by: { id: s.lead.id, name: s.lead.name } },
    });
    expect(version.body.manifest.releaseGate.figures.sentiment.alpha).toBeCloseTo(alpha, 12);
    const audit = await callRoute(auditRoute, {
      token: s.lead.token,
      params: s.params,
      path: "/x?action=eval_set.gate_overridden",
    });
    expect(audit.body.events).toEqual([
      expect.objectContaining({
        actor: { id: s.lead.id, name: s.lead.name },
        details: expect.objectContaining({ reason: "Known hard slice" }),
      }),
    ]);
  });

  it("a set that passes its gate freezes without an override and says so in the manifest", async () => {
    const s = await labeled();
    const set = await callRoute(createSetRoute, {
      token: s.lead.token,
      params: s.params,
      json: {
        name: uniqueName("set"),
        filter: { resolution: "any" },
        gate: { minAlpha: -1, minAnnotations: 2 },
      },
    });
    const frozen = await freeze(s.lead.token, set.body.id);
    expect(frozen.status, JSON.stringify(frozen.body)).toBe(201);
    const version = await callRoute(versionRoute, {
      token: s.lead.token,
      params: { id: set.body.id, version: "1" },
    });
    expect(version.body.manifest.releaseGate).toMatchObject({ passed: true, failures: [], override: null });
  });
});
