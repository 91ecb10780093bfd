import "server-only";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

type THandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type TRouteTable = Record<string, Partial<Record<"GET" | "POST", THandler>>>;

/**
 * A minimal node:http server that hands requests to App Router route handlers, matched by their
 * folder pattern ("/api/v1/eval-sets/[id]"). For the export benchmark and the CLI's tests: the real
 * handlers and a real socket, without building and starting Next.js.
 */
export async function startRouteServer(
  routes: TRouteTable,
  options: { port?: number; host?: string } = {},
): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const compiled = Object.entries(routes).map(([pattern, methods]) => {
    const names: string[] = [];
    const source = pattern.replace(/\[([^\]]+)\]/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    return { regex: new RegExp(`^${source}$`), names, methods };
  });
  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      console.error("route server:", error);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
    for (const route of compiled) {
      const match = route.regex.exec(url.pathname);
      const handler = match && route.methods[req.method as "GET" | "POST"];
      if (!match || !handler) continue;
      const params = Object.fromEntries(
        route.names.map((name, i) => [name, decodeURIComponent(match[i + 1])]),
      );
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) {
        if (typeof value === "string") headers.set(key, value);
      }
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const request = new Request(url, {
        method: req.method,
        headers,
        body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
        // @ts-expect-error -- undici needs this for streamed request bodies
        duplex: "half",
      });
      const response = await handler(request, { params: Promise.resolve(params) });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (!response.body) return void res.end();
      const reader = response.body.getReader();
      res.on("close", () => void reader.cancel().catch(() => undefined));
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        if (!res.write(value)) await drained(res);
        if (res.destroyed) return;
      }
      res.end();
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" }).end("no such route");
  }

  server.listen(options.port ?? 0, options.host ?? "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Resolves when the response can take more, or is gone (no listener is left behind). */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}
