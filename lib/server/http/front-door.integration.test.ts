import http, { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as exchangeToken } from "@/app/api/v1/auth/token/route";
import { disconnectDb } from "@/lib/db";
import { apiRoute } from "@/lib/server/api/api-route";
import { createLogger } from "@/lib/server/log/logger";
import { TEST_PASSWORD, uniqueName } from "@/lib/testing/factories";
import { createLabelingProject } from "@/lib/testing/queue-fixtures";
import { createApiRateLimits } from "./api-rate-limits";
import { createFrontDoor } from "./front-door";
import { matchHotRoute, serveHotRoute } from "./hot-routes";

// The front door as lib/cli/serve/serve.ts runs it: the real hot lane, and in place of Next a stand-in
// that hands two API routes to their handlers the way Next would, plus one that fails.
const failing = apiRoute({ auth: false }, async () => {
  throw new Error("the handler broke");
});

function standInForNext(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const hot = matchHotRoute(req.method, req.url);
  if (hot) return serveHotRoute(hot, req, res);
  if (req.url === "/api/v1/auth/token") return serveHotRoute({ handler: exchangeToken, id: "" }, req, res);
  if (req.url === "/api/v1/broken") return serveHotRoute({ handler: failing, id: "" }, req, res);
  res.writeHead(404).end();
  return Promise.resolve();
}

const servers: Server[] = [];
let logLines: string[] = [];
const logger = createLogger({ write: (line: string) => void logLines.push(line) });

async function startFrontDoor(env: Record<string, string> = {}): Promise<string> {
  const server = createServer(
    createFrontDoor({ serve: standInForNext, checkRateLimit: createApiRateLimits(env), logger }),
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let base: string;
beforeAll(async () => {
  base = await startFrontDoor();
});
afterEach(() => {
  logLines = [];
  vi.unstubAllEnvs();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await disconnectDb();
});

// Tests read whatever JSON came back; typing every body would add nothing (as lib/testing/call-route.ts).
/* eslint-disable @typescript-eslint/no-explicit-any */

/** A POST from a chosen loopback address (any 127.x.y.z reaches the server on Linux). */
function post(url: string, options: { token?: string; body?: unknown; from?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: any }>((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const request = http.request(
      url,
      {
        method: "POST",
        localAddress: options.from,
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(payload ? { "content-type": "application/json" } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString();
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: text ? JSON.parse(text) : null,
          });
        });
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}

/** The log lines written so far; they are written when the answer is sent, so wait a tick. */
async function loggedLines(): Promise<Record<string, any>[]> {
  await new Promise((resolve) => setTimeout(resolve, 20));
  return logLines.map((line) => JSON.parse(line));
}

describe("request logs", () => {
  it("write one JSON line per request with its id, route, status, duration and caller", async () => {
    const { annotators, project } = await createLabelingProject({ items: 1, overlap: 1, annotators: 1 });
    const annotator = annotators[0];
    const res = await post(`${base}/api/v1/projects/${project.id}/queue/next`, { token: annotator.token });
    expect(res.status).toBe(200);
    const lines = await loggedLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: "info",
      msg: "request",
      requestId: res.headers["x-request-id"],
      method: "POST",
      route: "/api/v1/projects/:id/queue/next",
      status: 200,
      callerId: annotator.id,
    });
    expect(lines[0].durationMs).toBeGreaterThan(0);
    expect(Date.parse(lines[0].time)).not.toBeNaN();
    expect(logLines.join("")).not.toContain(annotator.token);
  });

  it("never contain a password or a token, even on a refused sign-in", async () => {
    const { lead } = await createLabelingProject({ items: 1, overlap: 1, annotators: 0 });
    const wrong = await post(`${base}/api/v1/auth/token`, {
      token: lead.token,
      body: { email: lead.email, password: `${TEST_PASSWORD}-wrong`, name: "cli" },
    });
    expect(wrong.status).toBe(401);
    const right = await post(`${base}/api/v1/auth/token`, {
      body: { email: lead.email, password: TEST_PASSWORD, name: "cli" },
    });
    expect(right.status).toBe(201);
    const lines = await loggedLines();
    expect(lines.map((l) => l.status)).toEqual([wrong.status, 201]);
    const everything = logLines.join("");
    for (const secret of [TEST_PASSWORD, lead.token, right.body.token])
      expect(everything).not.toContain(secret);
  });

  it("carry the error and its stack on the line of a 500, under the id the answer quotes", async () => {
    const res = await post(`${base}/api/v1/broken`);
    expect(res.status).toBe(500);
    expect(res.headers["content-type"]).toBe("application/problem+json");
    const lines = await loggedLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "error", status: 500, requestId: res.body.requestId });
    expect(lines[0].err.message).toBe("the handler broke");
    expect(lines[0].err.stack).toContain("front-door.integration.test.ts");
  });

  it("show a 503 with Retry-After on the hot lane while PostgreSQL cannot be reached, as a warning", async () => {
    const { annotators, project } = await createLabelingProject({ items: 1, overlap: 1, annotators: 1 });
    await disconnectDb();
    vi.stubEnv("DATABASE_URL", "postgresql://nobody:x@127.0.0.1:1/none");
    const res = await post(`${base}/api/v1/projects/${project.id}/queue/next`, {
      token: annotators[0].token,
    });
    await disconnectDb();
    expect(res.status).toBe(503);
    expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
    const lines = await loggedLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "warn", status: 503, requestId: res.body.requestId });
    expect(lines[0].err.code).toBe("ECONNREFUSED");
  });

  it("follow LOG_LEVEL", async () => {
    vi.stubEnv("LOG_LEVEL", "warn");
    const lines: string[] = [];
    const quiet = createLogger({ write: (line: string) => void lines.push(line) });
    quiet.info("not shown");
    quiet.warn("shown");
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(["shown"]);
  });
});

describe("rate limits", () => {
  it("answer 429 with Retry-After once a token has spent its limit, and count each token apart", async () => {
    const limited = await startFrontDoor({
      CONCORD_RATE_LIMIT_PER_TOKEN: "2",
      CONCORD_RATE_LIMIT_PER_ADDRESS: "0",
    });
    const { annotators, project } = await createLabelingProject({ items: 10, overlap: 2, annotators: 2 });
    const claim = (token: string) => post(`${limited}/api/v1/projects/${project.id}/queue/next`, { token });
    const [a, b] = annotators;
    expect((await claim(a.token)).status).toBe(200);
    expect((await claim(a.token)).status).toBe(200);
    const refused = await claim(a.token);
    expect(refused.status).toBe(429);
    expect(refused.headers["content-type"]).toBe("application/problem+json");
    // Two a minute: the next one is earned within 30 s.
    expect(Number(refused.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(30);
    expect(refused.body).toMatchObject({ status: 429, requestId: refused.headers["x-request-id"] });
    expect(refused.body.detail).toContain("API token");
    expect((await claim(b.token)).status).toBe(200);
    const lines = await loggedLines();
    expect(lines.map((l) => l.status)).toEqual([200, 200, 429, 200]);
  });

  it("count each address apart, tokens or not", async () => {
    const limited = await startFrontDoor({
      CONCORD_RATE_LIMIT_PER_TOKEN: "0",
      CONCORD_RATE_LIMIT_PER_ADDRESS: "2",
    });
    const url = `${limited}/api/v1/auth/token`;
    const body = { email: `${uniqueName("nobody")}@example.com`, password: "wrong-password", name: "x" };
    expect((await post(url, { body, from: "127.0.0.2" })).status).toBe(401);
    expect((await post(url, { body, from: "127.0.0.2", token: "one" })).status).toBe(401);
    const refused = await post(url, { body, from: "127.0.0.2", token: "another" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(refused.body.detail).toContain("address");
    expect((await post(url, { body, from: "127.0.0.3" })).status).toBe(401);
  });

  it("leave the queue benchmark's load alone by default", () => {
    const check = createApiRateLimits({});
    const req = {
      socket: { remoteAddress: "127.0.0.1" },
      headers: { authorization: "Bearer t" },
    } as IncomingMessage;
    // One annotator of the benchmark for a minute: ~20 claim+submit cycles a second.
    for (let i = 0; i < 2 * 20 * 60; i++)
      expect(check(req, "/api/v1/assignments/1/submit").isAllowed).toBe(true);
  });
});
