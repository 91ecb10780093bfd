import "server-only";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { problemResponse } from "@/lib/server/errors";

/**
 * The 400 problem+json (naming the path) for a request whose path holds a malformed percent-escape
 * such as `%E0%A4%A`, which Next's router would otherwise answer with a 500; null for any other.
 * Checked before both lanes.
 */
export function malformedPathRefusal(req: IncomingMessage): Response | null {
  const url = req.url ?? "/";
  const queryAt = url.indexOf("?");
  try {
    decodeURIComponent(queryAt === -1 ? url : url.slice(0, queryAt));
    return null;
  } catch {
    const requestId = String(req.headers["x-request-id"] ?? randomUUID());
    return problemResponse(400, "The path holds a malformed percent-escape.", requestId, [
      { path: "(path)", message: "must be valid percent-encoded UTF-8" },
    ]);
  }
}

/**
 * A response sent before its request's body was read to the end (a 413, a 401, any refusal) says
 * `Connection: close`, so the unread rest of the body is never read as the next request: without
 * it, the next request on a keep-alive connection got no answer. Node dumps an unread body itself
 * only when nothing began reading it; Next's body reader stops midway.
 */
export function closeIfBodyUnread(req: IncomingMessage, res: ServerResponse): void {
  const hasBody =
    req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
  if (!hasBody) return;
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<typeof writeHead>) {
    if (!req.complete && !this.headersSent) this.setHeader("connection", "close");
    return writeHead.apply(this, args);
  } as typeof writeHead;
}
