// Every operation of the OpenAPI document, sent generated bad input as every kind of caller, through
// the real route handlers on a database of its own (so other test files' writes do not count).
// Fails on any 5xx, and on any 4xx after which a table's row count changed.
// FUZZ_DEBUG=1 prints the time per operation and the statuses seen per kind of caller.
import fc from "fast-check";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { ZodOpenApiOperationObject } from "zod-openapi";
import { disconnectDb, getPool } from "@/lib/db";
import { openApiPaths } from "@/lib/server/api/openapi-document";
import { ROUTES } from "@/lib/server/api/registry";
import { migrateDatabase } from "@/lib/server/db/migrate";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { callRoute } from "@/lib/testing/call-route";
import { annotate } from "@/lib/testing/eval-set-fixtures";
import { createTestProject, createTestUser } from "@/lib/testing/factories";
import { bodyTextFor, importBody, paramFor, queryFor, type TKnownIds } from "./fuzz-inputs";

const SEED = 20261206;
const INPUTS_PER_ROLE = 4;
const ROLES = ["admin", "lead", "annotator", "engineer", "token", "anonymous"] as const;
type TRole = (typeof ROLES)[number];

type THandler = Parameters<typeof callRoute>[0];
const routeModules = import.meta.glob<Record<string, THandler>>("/app/api/v1/**/route.ts");

const database = `concord_fuzz_${process.pid}_${Date.now()}`;
const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? "";

type TWorld = {
  real: Record<string, string>;
  known: TKnownIds;
  headers: Record<TRole, Record<string, string>>;
};
let world: TWorld;

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL ?? "");
  url.pathname = `/${database}`;
  await migrateDatabase(url.toString());
  process.env.DATABASE_URL = url.toString();
  process.env.NEXTAUTH_SECRET ??= "fuzz-test-secret";
  world = await buildWorld();
});

afterAll(async () => {
  await disconnectDb();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
  await admin.end();
});

async function buildWorld(): Promise<TWorld> {
  const [adminUser, lead, annotator, engineer] = await Promise.all([
    createTestUser({ isAdmin: true }),
    createTestUser(),
    createTestUser(),
    createTestUser(),
  ]);
  const project = await createTestProject([
    { userId: lead.id, role: "lead" },
    { userId: annotator.id, role: "annotator" },
    { userId: engineer.id, role: "engineer" },
  ]);
  const call = async (route: string, method: string, json: unknown, token = lead.token, params = {}) => {
    const handler = (await routeModules[`/app/api/v1/${route}/route.ts`]())[method];
    const res = await callRoute(handler, { method, token, params, json });
    if (res.status >= 300) throw new Error(`${method} ${route}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const p = { id: project.id };
  await call(
    "projects/[id]/label-definitions",
    "POST",
    {
      key: "sentiment",
      kind: "single_choice",
      options: [{ key: "pos" }, { key: "neg" }],
    },
    lead.token,
    p,
  );
  await call("projects/[id]/label-definitions", "POST", { key: "note", kind: "free_text" }, lead.token, p);
  const handler = (await routeModules["/app/api/v1/projects/[id]/items/route.ts"]()).POST;
  const lines = Array.from({ length: 20 }, (_, i) =>
    JSON.stringify({ externalId: `i${i}`, data: { text: `t${i}` } }),
  );
  await callRoute(handler, {
    token: lead.token,
    params: p,
    body: lines.join("\n"),
    headers: { "content-type": "application/x-ndjson" },
  });
  const served = await call("projects/[id]/queue/next", "POST", undefined, annotator.token, p);
  const { rows: items } = await getPool().query<{ id: string }>(
    "SELECT id FROM items WHERE project_id = $1 AND id <> $2 ORDER BY id LIMIT 3",
    [project.id, served.item.id],
  );
  for (const item of items)
    for (const user of [lead, adminUser, engineer])
      await annotate(project.id, item.id, user.id, { sentiment: "pos", note: "fine" });
  const evalSet = await call("projects/[id]/eval-sets", "POST", { name: "fuzz set" }, lead.token, p);
  await call("eval-sets/[id]/freeze", "POST", undefined, lead.token, { id: evalSet.id });
  const spare = await createApiToken(lead.id, "spare");
  const session = async (user: { id: string; email: string; name: string }) => {
    const jwt = await encode({
      token: { sub: user.id, email: user.email, name: user.name },
      secret: process.env.NEXTAUTH_SECRET ?? "",
    });
    return { cookie: `next-auth.session-token=${jwt}`, origin: "http://localhost", host: "localhost" };
  };
  return {
    real: {
      project: project.id,
      assignment: served.assignmentId,
      evalSet: evalSet.id,
      token: spare.id,
      item: served.item.id,
      key: "sentiment",
      version: "1",
    },
    known: { uuids: [project.id, evalSet.id, lead.id, annotator.id, engineer.id, adminUser.id] },
    headers: {
      admin: await session(adminUser),
      lead: await session(lead),
      annotator: await session(annotator),
      engineer: await session(engineer),
      token: { authorization: `Bearer ${annotator.token}` },
      anonymous: {},
    },
  };
}

/** The real value of a path parameter, by where it sits in the path. */
function realParam(path: string, name: string): string {
  const r = world.real;
  if (name === "key") return r.key;
  if (name === "itemId") return r.item;
  if (name === "version") return r.version;
  if (path.startsWith("/assignments")) return r.assignment;
  if (path.startsWith("/eval-sets")) return r.evalSet;
  if (path.startsWith("/me/tokens")) return r.token;
  return r.project;
}

/** Rows in every table, summed per table, in one round trip. */
let countSql: string | undefined;
async function rowCounts(): Promise<Record<string, number>> {
  const pool = getPool();
  if (!countSql) {
    const { rows: tables } = await pool.query<{ t: string }>(
      "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    );
    countSql = tables
      .map(({ t }) => `SELECT '${t}' AS t, count(*)::int AS n FROM "${t}"`)
      .join(" UNION ALL ");
  }
  const sql = countSql;
  const { rows } = await pool.query<{ t: string; n: number }>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

type TOperation = { path: string; method: string; op: ZodOpenApiOperationObject };

function operations(): TOperation[] {
  return Object.entries(openApiPaths(ROUTES)).flatMap(([path, item]) =>
    (["get", "post", "put", "patch", "delete"] as const)
      .filter((m) => item?.[m])
      .map((m) => ({ path, method: m.toUpperCase(), op: item[m] as ZodOpenApiOperationObject })),
  );
}

type TInput = {
  role: TRole;
  params: Record<string, string>;
  query: string;
  body?: string;
  contentType?: string;
};

function inputsFor({ path, op }: TOperation): fc.Arbitrary<Omit<TInput, "role">> {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const params = fc.record(Object.fromEntries(names.map((n) => [n, paramFor(realParam(path, n))])));
  const query = queryFor(op.requestParams?.query as z.ZodType | undefined, world.known);
  const content = op.requestBody?.content ?? {};
  const jsonSchema = content["application/json"]?.schema as z.ZodType | undefined;
  const body: fc.Arbitrary<{ body?: string; contentType?: string }> = content["text/csv"]
    ? importBody.map(({ contentType, text }) => ({ body: text, contentType }))
    : jsonSchema
      ? bodyTextFor(jsonSchema, world.known).map((text) => ({ body: text, contentType: "application/json" }))
      : fc.constant({});
  return fc.tuple(params, query, body).map(([p, q, b]) => ({ params: p, query: q, ...b }));
}

describe("the API under generated bad input", () => {
  it("never answers 5xx, and changes nothing when it answers 4xx", async () => {
    const ops = operations();
    const failures: string[] = [];
    let tried = 0;
    const statuses: Record<string, number> = {};
    // Counted once per request: after a 4xx, compared with the counts from before it.
    let counts = await rowCounts();
    for (const operation of ops) {
      const route = operation.path.replace(/\{(\w+)\}/g, "[$1]");
      const handler = (await routeModules[`/app/api/v1${route}/route.ts`]())[operation.method];
      expect(handler, `${operation.method} ${operation.path} has a handler`).toBeTypeOf("function");
      const started = Date.now();
      const arbitrary = inputsFor(operation);
      for (const [r, role] of ROLES.entries()) {
        const inputs = fc.sample(arbitrary, { seed: SEED + r, numRuns: INPUTS_PER_ROLE });
        for (const generated of inputs) {
          const input: TInput = { role, ...generated };
          tried++;
          const before = counts;
          const res = await callRoute(handler, {
            method: operation.method,
            path: `/api/v1/fuzz${input.query}`,
            params: input.params,
            body: input.body,
            headers: {
              ...world.headers[role],
              ...(input.contentType ? { "content-type": input.contentType } : {}),
            },
          });
          if (process.env.FUZZ_DEBUG)
            statuses[`${role} ${res.status}`] = (statuses[`${role} ${res.status}`] ?? 0) + 1;
          const where = `${operation.method} ${operation.path} as ${role}`;
          const shown = JSON.stringify({
            ...input,
            query: input.query.slice(0, 120),
            body: input.body?.slice(0, 160),
          });
          if (res.status >= 500) failures.push(`${where}: ${res.status} for ${shown}`);
          counts = await rowCounts();
          if (res.status >= 400 && res.status < 500) {
            if (res.headers.get("content-type") !== "application/problem+json")
              failures.push(`${where}: ${res.status} without problem+json for ${shown}`);
            // A wrong password is counted on purpose (the throttle): at sign-in, and when the
            // current password given to change one's own is wrong.
            const isSignIn = operation.path === "/auth/token" || operation.path === "/me/password";
            const changed = Object.keys(counts).filter(
              (t) => counts[t] !== before[t] && !(isSignIn && t === "auth_throttle"),
            );
            if (changed.length)
              failures.push(`${where}: ${res.status} but rows changed in ${changed.join(", ")} for ${shown}`);
          }
        }
      }
      if (process.env.FUZZ_DEBUG)
        console.log(operation.method, operation.path, Date.now() - started, "ms", failures.length);
    }
    if (process.env.FUZZ_DEBUG) console.log(statuses);
    console.log(
      `api fuzz: ${ops.length} operations × ${ROLES.length} roles × ${INPUTS_PER_ROLE} inputs = ${tried} requests, ${failures.length} failures`,
    );
    expect(failures).toEqual([]);
  }, 300_000);
});
