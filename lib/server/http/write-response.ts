import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";

/** Writes a Web Response on a Node response, Set-Cookie headers and all. */
export async function writeResponse(
  response: Response,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : null;
  const outgoing: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => {
    outgoing[key] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) outgoing["set-cookie"] = cookies;
  if (body) outgoing["content-length"] = String(body.length);
  const hasBody =
    req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
  // A body refused unread (413, 429) leaves the connection unusable: say so to the client.
  if (hasBody && !req.complete) outgoing.connection = "close";
  res.writeHead(response.status, outgoing);
  res.end(body);
}
