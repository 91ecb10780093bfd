// What a probe sent that used to answer 500 (issue 11, point 4): each is now a 4xx problem+json
// naming the field, and nothing is written.
import { encode } from "next-auth/jwt";
import { afterAll, describe, expect, it } from "vitest";
import { GET as getAssignment } from "@/app/api/v1/assignments/[id]/route";
import { POST as submitRoute } from "@/app/api/v1/assignments/[id]/submit/route";
import { POST as createToken } from "@/app/api/v1/me/tokens/route";
import { GET as listItems, POST as importRoute } from "@/app/api/v1/projects/[id]/items/route";
import { GET as listVersions } from "@/app/api/v1/projects/[id]/label-definitions/[key]/versions/route";
import { PATCH as updateProject } from "@/app/api/v1/projects/[id]/route";
import { POST as createProject } from "@/app/api/v1/projects/route";
import { disconnectDb, getPool } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { createTestUser } from "@/lib/testing/factories";
import { claimAs, createLabelingProject } from "@/lib/testing/queue-fixtures";

afterAll(async () => {
  await disconnectDb();
});

/** Rows of the tables these requests could write to. */
async function rowCounts() {
  const { rows } = await getPool().query(
    `SELECT (SELECT count(*) FROM projects) AS projects, (SELECT count(*) FROM api_tokens) AS tokens,
            (SELECT count(*) FROM annotations) AS annotations, (SELECT count(*) FROM items) AS items,
            (SELECT count(*) FROM label_definition_versions) AS versions`,
  );
  return rows[0];
}

/** Sends `request`, and expects `status` as problem+json naming `path`, with no row written. */
async function expectRefused(
  request: () => ReturnType<typeof callRoute>,
  status: number,
  path: string,
  message: RegExp = /NUL|surrogate/,
) {
  const before = await rowCounts();
  const res = await request();
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  expect(res.body.errors).toContainEqual(
    expect.objectContaining({ path, message: expect.stringMatching(message) }),
  );
  // Nothing was written, whatever else runs in parallel in these tables is ours alone to count.
  expect(await rowCounts()).toEqual(before);
  return res;
}

describe("input PostgreSQL cannot store", () => {
  it("refuses NUL and lone surrogates in any JSON string or key (text and jsonb columns)", async () => {
    const admin = await createTestUser({ isAdmin: true });
    await expectRefused(
      () => callRoute(createProject, { token: admin.token, json: { name: "a\u0000b" } }),
      400,
      "name",
    );
    await expectRefused(
      () => callRoute(createProject, { token: admin.token, json: { name: "a\ud800" } }),
      400,
      "name",
    );
    await expectRefused(
      () => callRoute(createToken, { token: admin.token, json: { name: "\udfff" } }),
      400,
      "name",
    );
    const { lead, annotators, params } = await createLabelingProject({
      items: 1,
      overlap: 1,
      annotators: 1,
      definitions: [{ key: "note", kind: "free_text" }],
    });
    await expectRefused(
      () =>
        callRoute(updateProject, {
          method: "PATCH",
          token: lead.token,
          params,
          json: { description: "x\u0000" },
        }),
      400,
      "description",
    );
    const served = await claimAs(annotators[0].token, params);
    const submit = (values: unknown) => () =>
      callRoute(submitRoute, {
        token: annotators[0].token,
        params: { id: served.body.assignmentId },
        json: { values },
      });
    await expectRefused(submit({ note: "lone \ud800 surrogate" }), 400, "values.note");
    await expectRefused(submit({ note: "nul \u0000" }), 400, "values.note");
    await expectRefused(submit({ "no\u0000te": "x" }), 400, 'values."no\\u0000te"');
  });

  it("refuses them in path parameters and query strings", async () => {
    const { lead, params } = await createLabelingProject({ items: 1, overlap: 1, annotators: 1 });
    await expectRefused(
      () => callRoute(listVersions, { token: lead.token, params: { ...params, key: "sentiment\u0000" } }),
      404,
      "key",
    );
    await expectRefused(
      () => callRoute(listItems, { token: lead.token, params, path: "/x?after=1&batch=%00" }),
      400,
      "query.batch",
    );
  });

  it("refuses ids beyond PostgreSQL's bigint as unknown (404), not 500", async () => {
    const user = await createTestUser();
    for (const id of ["9223372036854775808", "9999999999999999999", "12a", "%00"])
      await expectRefused(
        () => callRoute(getAssignment, { token: user.token, params: { id } }),
        404,
        "id",
        /id/,
      );
    const { lead, params } = await createLabelingProject({ items: 1, overlap: 1, annotators: 1 });
    await expectRefused(
      () => callRoute(listItems, { token: lead.token, params, path: "/x?after=9999999999999999999" }),
      400,
      "after",
      /item id/,
    );
  });

  it("refuses JSON nested 5,000 deep before parsing it", async () => {
    const { annotators, params } = await createLabelingProject({
      items: 1,
      overlap: 1,
      annotators: 1,
      definitions: [{ key: "note", kind: "free_text" }],
    });
    const served = await claimAs(annotators[0].token, params);
    const body = '{"values":{"note":' + "[".repeat(5000) + "]".repeat(5000) + "}}";
    await expectRefused(
      () =>
        callRoute(submitRoute, {
          token: annotators[0].token,
          params: { id: served.body.assignmentId },
          body,
          headers: { "content-type": "application/json" },
        }),
      400,
      "(body)",
      /nest/,
    );
  });

  it("names the line of an imported record holding NUL or a lone surrogate, in JSONL and CSV, and imports nothing", async () => {
    const { lead, params } = await createLabelingProject({ items: 1, overlap: 1, annotators: 1 });
    const upload = (body: string, type: string) => () =>
      callRoute(importRoute, { token: lead.token, params, body, headers: { "content-type": type } });
    const jsonl = [
      JSON.stringify({ externalId: "ok", data: { text: "fine" } }),
      JSON.stringify({ externalId: "bad", data: { text: "a\u0000b" } }),
      JSON.stringify({ externalId: "x\ud800", data: { text: "fine" } }),
    ].join("\n");
    const res = await expectRefused(upload(jsonl, "application/x-ndjson"), 422, "data.text");
    expect(res.body.errors).toEqual([
      expect.objectContaining({ line: 2, path: "data.text" }),
      expect.objectContaining({ line: 3, path: "externalId" }),
    ]);
    const csv = await expectRefused(
      upload('id,text\nc1,"fine"\nc2,"a\u0000b"\n', "text/csv"),
      422,
      "data.text",
    );
    expect(csv.body.errors[0].line).toBe(3);
  });
});

describe("a session write whose Origin is not a URL", () => {
  it("is refused as cross-site (403 naming the header), not a 500", async () => {
    process.env.NEXTAUTH_SECRET ??= "unsafe-input-test-secret";
    const admin = await createTestUser({ isAdmin: true });
    const session = await encode({
      token: { sub: admin.id, email: admin.email, name: admin.name },
      secret: process.env.NEXTAUTH_SECRET,
    });
    await expectRefused(
      () =>
        callRoute(createProject, {
          json: { name: "from a sandboxed frame" },
          headers: { cookie: `next-auth.session-token=${session}`, origin: "null", host: "localhost" },
        }),
      403,
      "(header) origin",
      /origin/,
    );
  });
});
