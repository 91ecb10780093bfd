import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { writeResponse } from "./write-response";
import { POST as claimNext } from "@/app/api/v1/projects/[id]/queue/next/route";
import { POST as submit } from "@/app/api/v1/assignments/[id]/submit/route";
import { POST as skip } from "@/app/api/v1/assignments/[id]/skip/route";

type TRouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

/**
 * The queue's hot routes (claim, submit, skip), matched exactly as the App Router would and handed
 * straight to those same route handlers: same auth, validation and errors, without Next's
 * per-request pipeline, which costs three times what the handlers do (docs/decisions/004-queue.md).
 * All three are POST; anything else, a trailing slash or another method included, goes to Next.
 */
const HOT_ROUTES: { pattern: RegExp; handler: TRouteHandler }[] = [
  { pattern: /^\/api\/v1\/projects\/([^/?#]+)\/queue\/next$/, handler: claimNext },
  { pattern: /^\/api\/v1\/assignments\/([^/?#]+)\/submit$/, handler: submit },
  { pattern: /^\/api\/v1\/assignments\/([^/?#]+)\/skip$/, handler: skip },
];

export function matchHotRoute(
  method: string | undefined,
  rawUrl: string | undefined,
): { handler: TRouteHandler; id: string } | null {
  if (method !== "POST" || !rawUrl?.startsWith("/api/v1/")) return null;
  const queryAt = rawUrl.indexOf("?");
  const pathname = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
  for (const route of HOT_ROUTES) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    let id: string;
    try {
      id = decodeURIComponent(match[1]);
    } catch {
      return null;
    }
    return { handler: route.handler, id };
  }
  return null;
}

/** Runs a matched hot route on a Node request, as a Web Request, and writes its Response back. */
export async function serveHotRoute(
  route: { handler: TRouteHandler; id: string },
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
  await writeResponse(await route.handler(request, { params: Promise.resolve({ id: route.id }) }), req, res);
}
