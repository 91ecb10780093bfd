import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { inDbLane } from "@/lib/db";
import { ROUTES } from "@/lib/server/api/registry";
import type { TRouteHandler } from "@/lib/server/api/define-route";
import { writeResponse } from "./write-response";

/** A matched route: its handler and path parameters (`id` alone when `params` is not given). */
type THotMatch = { handler: TRouteHandler; params?: Record<string, string>; id: string };

/**
 * The routes declared `hot` in the registry (the queue's claim, submit and skip), matched exactly
 * as the App Router would and handed straight to those same route handlers: same auth, validation
 * and errors, without Next's per-request pipeline, which costs three times what the handlers do
 * (docs/decisions/004-queue.md). Anything else, a trailing slash or another method included, goes
 * to Next.
 */
const HOT_ROUTES = ROUTES.filter((route) => route.hot).map((route) => {
  const names: string[] = [];
  const source = route.endpoint.path
    .split("/")
    .map((segment) => {
      const name = /^\{(\w+)\}$/.exec(segment)?.[1];
      if (!name) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(name);
      return "([^/?#]+)";
    })
    .join("/");
  return { method: route.endpoint.method, pattern: new RegExp(`^/api/v1${source}$`), names, handler: route };
});

export function matchHotRoute(method: string | undefined, rawUrl: string | undefined): THotMatch | null {
  if (!rawUrl?.startsWith("/api/v1/")) return null;
  const queryAt = rawUrl.indexOf("?");
  const pathname = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
  for (const route of HOT_ROUTES) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    const params: Record<string, string> = {};
    try {
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1])));
    } catch {
      return null;
    }
    return { handler: route.handler, params, id: params.id };
  }
  return null;
}

/** Runs a matched hot route on a Node request, as a Web Request, and writes its Response back. */
export async function serveHotRoute(
  route: THotMatch,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  const hasBody =
    req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
  // The handlers read only the query from the URL (the Host header, for the same-origin check, comes
  // with the headers), so a fixed origin spares parsing whatever Host a client sent.
  const request = new Request(new URL(req.url ?? "/", "http://localhost"), {
    method: req.method,
    headers,
    // The handler reads the body as a stream and enforces its own size limit.
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
  } as RequestInit);
  // On the queue's own pool: the annotators' claims and submits queue for its connections, not
  // for those of the pages and reads beside them (lib/db.ts).
  const response = await inDbLane("queue", () =>
    route.handler(request, { params: Promise.resolve(route.params ?? { id: route.id }) }),
  );
  await writeResponse(response, req, res);
}
