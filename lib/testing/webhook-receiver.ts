// A webhook receiver for tests: a node http server on 127.0.0.1 that records what it is sent and
// answers as told (a status, a delay, or never).
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type TReceived = { headers: IncomingHttpHeaders; body: string };
export type TAnswer = { status: number; delayMs?: number } | "never";

export async function startWebhookReceiver(
  answer: (n: number, received: TReceived) => TAnswer = () => ({ status: 204 }),
) {
  const received: TReceived[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      const r = { headers: request.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(r);
      const a = answer(received.length, r);
      if (a === "never") return;
      setTimeout(() => response.writeHead(a.status).end(), a.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
