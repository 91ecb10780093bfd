import { createServer, type Server } from "node:http";
import { connect, type Socket } from "node:net";
import { encode } from "next-auth/jwt";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getPool, inDbLane, poolSize } from "@/lib/db";
import { createLabelingProject } from "@/lib/testing/queue-fixtures";
import { matchHotRoute, serveHotRoute } from "./hot-routes";

// The hot lane as lib/cli/serve/serve.ts runs it, in front of a stand-in for Next that answers 418.
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const hot = matchHotRoute(req.method, req.url);
    if (hot) return void serveHotRoute(hot, req, res);
    res.writeHead(418).end("next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await disconnectDb();
});

const post = (path: string, token: string, body?: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
    body,
  });

describe("the queue's hot lane", () => {
  it("matches only the exact claim, submit and skip routes", () => {
    const id = "7d1f3c1e-0b0a-4c8e-9f5e-2b8f0e6c1a11";
    expect(matchHotRoute("POST", `/api/v1/projects/${id}/queue/next`)?.id).toBe(id);
    expect(matchHotRoute("POST", "/api/v1/assignments/42/submit?next=1")?.id).toBe("42");
    expect(matchHotRoute("POST", "/api/v1/assignments/42/skip")?.id).toBe("42");
    expect(matchHotRoute("GET", "/api/v1/assignments/42/submit")).toBeNull();
    expect(matchHotRoute("POST", "/api/v1/assignments/42/submit/")).toBeNull();
    expect(matchHotRoute("POST", "/api/v1/assignments/42")).toBeNull();
    expect(matchHotRoute("POST", "/api/v1/assignments/4%2F2/skip")?.id).toBe("4/2");
    expect(matchHotRoute("POST", "/api/v1/assignments/%E0%A4%A/skip")).toBeNull();
  });

  it("claims, submits, repeats a submit and skips over HTTP, with the route handlers' answers", async () => {
    const { annotators, project } = await createLabelingProject({ items: 3, overlap: 1, annotators: 1 });
    const token = annotators[0].token;
    const claimed = await post(`/api/v1/projects/${project.id}/queue/next`, token);
    expect(claimed.status).toBe(200);
    expect(claimed.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(claimed.headers.get("x-request-id")).toBeTruthy();
    const served = await claimed.json();
    expect(served.item.externalId).toBe("item-0");
    const body = JSON.stringify({ values: { sentiment: "pos" } });
    const first = await post(`/api/v1/assignments/${served.assignmentId}/submit?next=1`, token, body);
    expect(first.status).toBe(201);
    const submitted = await first.json();
    expect(submitted.next.item.externalId).toBe("item-1");
    const again = await post(`/api/v1/assignments/${served.assignmentId}/submit`, token, body);
    expect((await again.json()).annotationId).toBe(submitted.annotationId);
    const skipped = await post(`/api/v1/assignments/${submitted.next.assignmentId}/skip`, token);
    expect(skipped.status).toBe(200);
    const { rows } = await getPool().query(
      "SELECT status::text, count(*)::int AS n FROM assignments WHERE project_id = $1 GROUP BY status ORDER BY 1",
      [project.id],
    );
    expect(rows).toEqual([
      { status: "skipped", n: 1 },
      { status: "submitted", n: 1 },
    ]);
  });

  it("says why a claim served nothing, in the 204's headers", async () => {
    const { annotators, project } = await createLabelingProject({ items: 1, overlap: 1, annotators: 2 });
    const [holder, waiting] = annotators.map((a) => a.token);
    const claim = (token: string) => post(`/api/v1/projects/${project.id}/queue/next`, token);
    const held = await (await claim(holder)).json();
    const leased = await claim(waiting);
    expect(leased.status).toBe(204);
    expect(leased.headers.get("concord-queue-state")).toBe("leased");
    expect(leased.headers.get("concord-leased-items")).toBe("1");
    expect(leased.headers.get("concord-lease-expires")).toBe(held.expiresAt);
    expect(Number(leased.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = JSON.stringify({ values: { sentiment: "pos" } });
    expect((await post(`/api/v1/assignments/${held.assignmentId}/submit`, holder, body)).status).toBe(201);
    const done = await claim(waiting);
    expect(done.status).toBe(204);
    expect(done.headers.get("concord-queue-state")).toBe("done");
    expect(done.headers.get("retry-after")).toBeNull();
  });

  it("answers bad input like the API does, and a body over the limit with 413", async () => {
    const { annotators, project } = await createLabelingProject({ items: 1, overlap: 1, annotators: 1 });
    const token = annotators[0].token;
    const served = await (await post(`/api/v1/projects/${project.id}/queue/next`, token)).json();
    const wrong = await post(
      `/api/v1/assignments/${served.assignmentId}/submit`,
      token,
      JSON.stringify({ values: { sentiment: "maybe" } }),
    );
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).errors[0].path).toBe("values.sentiment");
    const huge = await post(
      `/api/v1/assignments/${served.assignmentId}/submit`,
      token,
      JSON.stringify({ values: { sentiment: "pos", pad: "x".repeat(1_100_000) } }),
    );
    expect(huge.status).toBe(413);
    expect((await post(`/api/v1/projects/${project.id}/queue/next`, "cnc_forged")).status).toBe(401);
    const stored = await getPool().query("SELECT count(*)::int AS n FROM annotations WHERE project_id = $1", [
      project.id,
    ]);
    expect(stored.rows[0].n).toBe(0);
  });

  it("takes a browser session, and refuses it from another site", async () => {
    process.env.NEXTAUTH_SECRET ??= "hot-routes-test-secret";
    const { annotators, project } = await createLabelingProject({ items: 1, overlap: 1, annotators: 1 });
    const a = annotators[0];
    const session = await encode({
      token: { sub: a.id, email: a.email, name: a.name },
      secret: process.env.NEXTAUTH_SECRET,
    });
    const claim = (origin: string) =>
      fetch(`${base}/api/v1/projects/${project.id}/queue/next`, {
        method: "POST",
        headers: { cookie: `next-auth.session-token=${session}`, origin },
      });
    expect((await claim("http://evil.example")).status).toBe(403);
    const own = await claim(base);
    expect(own.status).toBe(200);
    expect((await own.json()).item.externalId).toBe("item-0");
  });

  it("leaves every other request to Next", async () => {
    const res = await fetch(`${base}/api/v1/assignments/1/submit/`, { method: "POST" });
    expect(res.status).toBe(418);
    expect((await fetch(`${base}/api/v1/health`)).status).toBe(418);
  });

  it("runs on a pool of its own: claims and submits go on while every other connection is taken", async () => {
    const { annotators, project } = await createLabelingProject({ items: 2, overlap: 1, annotators: 1 });
    const token = annotators[0].token;
    const main = getPool();
    expect(inDbLane("queue", () => getPool())).not.toBe(main);
    // Every connection of the pages' and reads' pool held, as a crowd of readers would hold them.
    const held = await Promise.all(Array.from({ length: main.options.max }, () => main.connect()));
    expect(main.idleCount).toBe(0);
    try {
      const claimed = await post(`/api/v1/projects/${project.id}/queue/next`, token);
      expect(claimed.status).toBe(200);
      const { assignmentId } = await claimed.json();
      const body = JSON.stringify({ values: { sentiment: "pos" } });
      expect((await post(`/api/v1/assignments/${assignmentId}/submit`, token, body)).status).toBe(201);
    } finally {
      for (const client of held) client.release();
    }
  });

  it("holds no place in the lane for a client that sends its body slowly", async () => {
    const { annotators, project } = await createLabelingProject({ items: 1, overlap: 1, annotators: 1 });
    const { port } = server.address() as AddressInfo;
    // More stalled submits than the lane lets work at once, each half a body and then silence.
    const stalled: Socket[] = await Promise.all(
      Array.from(
        { length: poolSize("queue") + 2 },
        () =>
          new Promise<Socket>((resolve) => {
            const socket = connect(port, "127.0.0.1", () => {
              socket.write(
                "POST /api/v1/assignments/1/submit HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                  `Authorization: Bearer ${annotators[0].token}\r\n` +
                  'Content-Type: application/json\r\nContent-Length: 40\r\n\r\n{"values":',
              );
              resolve(socket);
            });
          }),
      ),
    );
    try {
      const claimed = await post(`/api/v1/projects/${project.id}/queue/next`, annotators[0].token);
      expect(claimed.status).toBe(200);
    } finally {
      for (const socket of stalled) socket.destroy();
    }
  });
});
