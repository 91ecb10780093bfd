import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { matchHotRoute, serveHotRoute } from "./hot-routes";
import { closeIfBodyUnread, malformedPathRefusal } from "./request-guards";
import { writeResponse } from "./write-response";

type TNextHandle = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * What an app process serves behind its front door (lib/cli/serve/serve.ts): the guards every request
 * passes, then the queue's hot lane, else Next.
 */
export function appLanes(handle: TNextHandle) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const refusal = malformedPathRefusal(req);
    if (refusal) return writeResponse(refusal, req, res);
    closeIfBodyUnread(req, res);
    const hot = matchHotRoute(req.method, req.url);
    return hot ? serveHotRoute(hot, req, res) : handle(req, res);
  };
}
