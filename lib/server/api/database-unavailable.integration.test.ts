import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as exchangeToken } from "@/app/api/v1/auth/token/route";
import { GET as listProjects } from "@/app/api/v1/projects/route";
import { disconnectDb } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { claimAs, createLabelingProject } from "@/lib/testing/queue-fixtures";

// Nothing listens on port 1: the database is as unreachable as a stopped PostgreSQL.
const CLOSED_PORT_URL = "postgresql://nobody:x@127.0.0.1:1/none";

afterEach(async () => {
  await disconnectDb();
  vi.unstubAllEnvs();
});

async function whileDatabaseIsDown<T>(call: () => Promise<T>): Promise<T> {
  await disconnectDb();
  vi.stubEnv("DATABASE_URL", CLOSED_PORT_URL);
  return call();
}

function expectUnavailable(res: Awaited<ReturnType<typeof callRoute>>) {
  expect(res.status, JSON.stringify(res.body)).toBe(503);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(res.body).toMatchObject({ status: 503, title: "Service Unavailable" });
  expect(res.body.detail).toMatch(/database/i);
  expect(res.body.requestId).toBe(res.headers.get("x-request-id"));
}

describe("API calls while PostgreSQL cannot be reached", () => {
  it("answer 503 with Retry-After on the queue's claim (a token looked up with raw SQL)", async () => {
    const { annotators, params } = await createLabelingProject({ items: 1, overlap: 1, annotators: 1 });
    expect((await claimAs(annotators[0].token, params)).status).toBe(200);
    expectUnavailable(await whileDatabaseIsDown(() => claimAs(annotators[0].token, params)));
  });

  it("answer 503 on a route open without sign-in", async () => {
    const res = await whileDatabaseIsDown(() =>
      callRoute(exchangeToken, { json: { email: "someone@example.com", password: "x", name: "cli" } }),
    );
    expectUnavailable(res);
  });

  it("answer 503 to a browser session, whose user is read through Prisma", async () => {
    vi.stubEnv("NEXTAUTH_SECRET", "database-unavailable-test-secret");
    const { lead } = await createLabelingProject({ items: 1, overlap: 1, annotators: 1 });
    const session = await encode({
      token: { sub: lead.id, email: lead.email, name: lead.name },
      secret: "database-unavailable-test-secret",
    });
    const headers = { cookie: `next-auth.session-token=${session}` };
    expect((await callRoute(listProjects, { headers })).status).toBe(200);
    expectUnavailable(await whileDatabaseIsDown(() => callRoute(listProjects, { headers })));
  });
});
