import { once } from "node:events";
import { readdirSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Readable } from "node:stream";

type THandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type TRoute = { file: string; regex: RegExp; names: string[]; dynamic: number };

/** Every app/api/**\/route.ts as a path pattern, static segments first (as Next matches them). */
function findRoutes(dir: string, segments: string[] = []): TRoute[] {
  const routes: TRoute[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) routes.push(...findRoutes(full, [...segments, entry.name]));
    if (entry.isFile() && entry.name === "route.ts") {
      const names: string[] = [];
      const source = segments
        .map((segment) => {
          const param = /^\[([^\].]+)\]$/.exec(segment);
          if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          names.push(param[1]);
          return "([^/]+)";
        })
        .join("/");
      routes.push({ file: full, regex: new RegExp(`^/${source}$`), names, dynamic: names.length });
    }
  }
  return routes.sort((a, b) => a.dynamic - b.dynamic);
}

/**
 * A node:http server in front of the App Router's own route handlers (found from the folders of
 * app/api, as Next finds them: no route table to keep in step), for tests of HTTP clients such as
 * `concord export` on a real socket without a production build. `transform` may replace an answer,
 * e.g. to play a broken proxy.
 */
export async function startAppRouteServer(
  options: { transform?: (pathname: string, response: Response) => Promise<Response> } = {},
): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const routes = findRoutes(path.join(process.cwd(), "app", "api"), ["api"]);
  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      console.error("app route server:", error);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
    for (const route of routes) {
      const match = route.regex.exec(url.pathname);
      if (!match) continue;
      const routeModule = (await import(route.file)) as Partial<Record<string, THandler>>;
      const handler = routeModule[req.method ?? "GET"];
      if (!handler) return void res.writeHead(405).end();
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
      const answer = await handler(request, { params: Promise.resolve(params) });
      const response = options.transform ? await options.transform(url.pathname, answer) : answer;
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

  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
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
