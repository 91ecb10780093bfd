// A flag's body and an answer's, broken in every way a client can break them: a 4xx naming the
// field, never a 500, and no flag made or answered.
import { afterAll, describe, expect, it } from "vitest";
import { POST as answerFlagRoute } from "@/app/api/v1/projects/[id]/flags/[flagId]/answer/route";
import { POST as createFlagRoute } from "@/app/api/v1/projects/[id]/items/[itemId]/flags/route";
import { disconnectDb, getPool } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { claimAs, createLabelingProject } from "@/lib/testing/queue-fixtures";

afterAll(async () => {
  await disconnectDb();
});

describe("item flags", () => {
  it("refuse a broken flag or answer naming the field, and change nothing", async () => {
    const { lead, annotators, project, params } = await createLabelingProject({
      items: 2,
      overlap: 1,
      annotators: 1,
    });
    const [annotator] = annotators;
    const served = await claimAs(annotator.token, params);
    expect(served.status).toBe(200);
    const itemParams = { ...params, itemId: served.body.item.id };
    const flags: [Record<string, string>, unknown, number, string][] = [
      [itemParams, {}, 400, "kind"],
      [itemParams, { kind: "nope" }, 400, "kind"],
      [itemParams, { kind: { nested: [[1]] } }, 400, "kind"],
      [itemParams, { kind: "unclear", note: 5 }, 400, "note"],
      [itemParams, { kind: "unclear", note: "x".repeat(2001) }, 400, "note"],
      [itemParams, { kind: "unclear", note: "a\u0000b" }, 400, "note"],
      [itemParams, { kind: "unclear", extra: 1 }, 400, "extra"],
      // A path id that is no id is a 404 naming it, as on every route: no such resource.
      [{ ...params, itemId: "99999999999999999999" }, { kind: "unclear" }, 404, "itemId"],
      [{ ...params, itemId: "x" }, { kind: "unclear" }, 404, "itemId"],
    ];
    for (const [p, json, status, path] of flags) {
      const res = await callRoute(createFlagRoute, { token: annotator.token, params: p, json });
      expect(res.status, `${JSON.stringify(p)} ${JSON.stringify(json).slice(0, 200)}`).toBe(status);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const { rows: others } = await getPool().query<{ id: string }>(
      "SELECT id FROM items WHERE project_id = $1 AND id <> $2",
      [project.id, served.body.item.id],
    );
    const notServed = await callRoute(createFlagRoute, {
      token: annotator.token,
      params: { ...params, itemId: others[0].id },
      json: { kind: "unclear" },
    });
    expect(notServed.status).toBe(404);

    const answers: [string, unknown, number, string | null][] = [
      ["1", {}, 400, "answer"],
      ["1", { answer: "   " }, 400, "answer"],
      ["1", { answer: "x".repeat(4001) }, 400, "answer"],
      ["1", { answer: ["why"] }, 400, "answer"],
      ["1", { answer: "ok\u0000" }, 400, "answer"],
      ["x", { answer: "ok" }, 404, "flagId"],
      ["99999999999999999999", { answer: "ok" }, 404, "flagId"],
      ["9223372036854775807", { answer: "ok" }, 404, null],
    ];
    for (const [flagId, json, status, path] of answers) {
      const res = await callRoute(answerFlagRoute, {
        token: lead.token,
        params: { ...params, flagId },
        json,
      });
      expect(res.status, `${flagId} ${JSON.stringify(json).slice(0, 200)}`).toBe(status);
      if (path) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const { rows } = await getPool().query("SELECT 1 FROM item_flags WHERE project_id = $1", [project.id]);
    expect(rows).toHaveLength(0);
  });
});
