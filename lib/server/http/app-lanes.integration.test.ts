import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db";
import { createLabelingProject } from "@/lib/testing/queue-fixtures";
import { appLanes } from "./app-lanes";

// The app process's lanes as lib/cli/serve/serve.ts runs them (behind its front door), with the real hot lane, and a
// stand-in for Next that refuses a body the way Next's route handlers do: it starts reading, stops
// at the limit, and answers 413 (with Node's default keep-alive) while the rest is still unread.
let server: Server;
let port: number;
let nextCalls = 0;

function standInNext(req: IncomingMessage, res: ServerResponse): Promise<void> {
  nextCalls++;
  if (req.method === "GET") {
    res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    req.once("data", () => {
      req.pause();
      res.writeHead(413, { "content-type": "application/problem+json" }).end('{"status":413}');
      resolve();
    });
  });
}

beforeAll(async () => {
  const serve = appLanes(standInNext);
  server = createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await disconnectDb();
});

/**
 * On one keep-alive socket: a chunked body of 2 MB, then a GET. Resolves with the text of the first
 * answer, and what became of the second: its answer, or "closed" when the server closed the socket
 * (the client opens a new one), or "no answer" after 3 s of silence (the bug).
 */
async function twoRequestsOnOneSocket(path: string, headers: Record<string, string> = {}) {
  const socket = net.connect(port, "127.0.0.1");
  let received = "";
  let isClosed = false;
  socket.on("data", (d) => (received += d.toString("latin1")));
  socket.on("close", () => (isClosed = true));
  socket.on("error", () => {});
  const head = Object.entries({ host: `127.0.0.1:${port}`, "content-type": "application/json", ...headers })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join("");
  socket.write(`POST ${path} HTTP/1.1\r\n${head}transfer-encoding: chunked\r\n\r\n`);
  const chunk = "a".repeat(64 * 1024);
  for (let sent = 0; sent < 2_000_000 && !isClosed; sent += chunk.length) {
    if (!socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`))
      await new Promise((resolve) => socket.once("drain", resolve).once("close", resolve));
  }
  if (!isClosed) socket.write("0\r\n\r\n");
  await waitFor(() => /\r\n\r\n/.test(received) || isClosed, 3_000);
  const first = received;
  received = "";
  if (!isClosed) socket.write(`GET /api/v1/health HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\n\r\n`);
  await waitFor(() => received.length > 0 || isClosed, 3_000);
  socket.destroy();
  return { first, second: received ? received.split("\r\n")[0] : isClosed ? "closed" : "no answer" };
}

async function waitFor(condition: () => boolean, ms: number) {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe("a refused body on a keep-alive connection", () => {
  it("closes the connection after a 413 from a Next route, so the next request is not left unanswered", async () => {
    const { first, second } = await twoRequestsOnOneSocket("/api/v1/projects");
    expect(first).toMatch(/^HTTP\/1\.1 413/);
    expect(first.toLowerCase()).toContain("connection: close");
    expect(second).toBe("closed");
  });

  it("does the same on the hot lane, with the real submit route", async () => {
    const { annotators } = await createLabelingProject({ items: 1, overlap: 1, annotators: 1 });
    const { first, second } = await twoRequestsOnOneSocket("/api/v1/assignments/1/submit", {
      authorization: `Bearer ${annotators[0].token}`,
    });
    expect(first).toMatch(/^HTTP\/1\.1 413/);
    expect(second).toBe("closed");
  });

  it("keeps the connection when the body was read", async () => {
    const socket = net.connect(port, "127.0.0.1");
    let received = "";
    socket.on("data", (d) => (received += d.toString("latin1")));
    socket.write(
      `GET /api/v1/health HTTP/1.1\r\nhost: x\r\n\r\nGET /api/v1/health HTTP/1.1\r\nhost: x\r\n\r\n`,
    );
    await waitFor(() => received.split("HTTP/1.1 200").length === 3, 3_000);
    socket.destroy();
    expect(received.split("HTTP/1.1 200").length).toBe(3);
  });
});

describe("a malformed percent-escape in the path", () => {
  it("is a 400 problem+json naming the path, on the Next lane and the hot lane alike", async () => {
    const before = nextCalls;
    for (const path of [
      "/api/v1/projects/%E0%A4%A",
      "/projects/%E0%A4%A",
      "/api/v1/assignments/%E0%A4%A/submit",
    ]) {
      const res = await fetch(`http://127.0.0.1:${port}${path}`, { method: "POST", body: "{}" });
      expect(res.status, path).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect((await res.json()).errors).toEqual([{ path: "(path)", message: expect.any(String) }]);
    }
    expect(nextCalls).toBe(before);
  });
});
