import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { inDbLane, poolSize } from "@/lib/db";
import { ROUTES } from "@/lib/server/api/registry";
import type { TRouteHandler } from "@/lib/server/api/define-route";
import { createLaneGate } from "./lane-gate";
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

// As many of the queue's requests at work as its pool has connections (each holds one at most): the
// rest wait at the gate without taking any turns in the event loop (lane-gate.ts).
let gate: ReturnType<typeof createLaneGate> | null = null;

// The hot routes keep the API's default body limit (lib/server/api/api-route.ts); one byte more is
// enough for their handler to see a body is over it and answer 413.
const BODY_READ_CAP = 1_000_001;

/** Runs a matched hot route on a Node request, as a Web Request, and writes its Response back. */
export async function serveHotRoute(
  route: THotMatch,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const hasBody =
    req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
  // The body is read before the gate: a client sending it slowly then holds no slot of the lane.
  const body = hasBody ? await readBody(req, BODY_READ_CAP) : undefined;
  gate ??= createLaneGate(poolSize("queue"));
  return gate.run(() => serveAdmitted(route, req, res, body));
}

async function serveAdmitted(
  route: THotMatch,
  req: IncomingMessage,
  res: ServerResponse,
  body: Uint8Array<ArrayBuffer> | undefined,
): Promise<void> {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  // The handlers read only the query from the URL (the Host header, for the same-origin check, comes
  // with the headers), so a fixed origin spares parsing whatever Host a client sent. The handler
  // enforces its own size limit on the body.
  const request = new Request(new URL(req.url ?? "/", "http://localhost"), {
    method: req.method,
    headers,
    body,
  });
  // On the queue's own pool: the annotators' claims and submits queue for its connections, not
  // for those of the pages and reads beside them (lib/db.ts).
  const response = await inDbLane("queue", () =>
    route.handler(request, { params: Promise.resolve(route.params ?? { id: route.id }) }),
  );
  await writeResponse(response, req, res);
}

/**
 * The request's body, or its first `cap` bytes and more once it is longer (the rest stays unread:
 * request-guards.ts closes such a connection after the answer), or what came before the client went.
 */
function readBody(req: IncomingMessage, cap: number): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const finish = () => {
      req.off("data", onData).off("end", finish).off("close", finish).off("error", finish);
      resolve(Buffer.concat(chunks, total) as Uint8Array<ArrayBuffer>);
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      total += chunk.length;
      if (total > cap) {
        req.pause();
        finish();
      }
    };
    req.on("data", onData).on("end", finish).on("close", finish).on("error", finish);
  });
}
