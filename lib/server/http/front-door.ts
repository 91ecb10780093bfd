import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { errorResponse, requestIdFrom } from "@/lib/server/api/api-route";
import { problemResponse } from "@/lib/server/errors";
import type { TRateLimitVerdict } from "./api-rate-limits";
import { runWithRequestContext, type TRequestContext } from "./request-context";
import { routeOf } from "./route-of";
import { writeResponse } from "./write-response";

/**
 * Every request to an app process passes here (lib/cli/serve/serve.ts): it gets its id, the API's rate
 * limits, and one JSON log line when its answer is sent (method, route, status, duration, caller,
 * and the error behind a 500 with its stack). The id is the one problem+json answers quote
 * (`requestId`) and X-Request-Id carries. Nothing from headers or bodies is logged: no token,
 * cookie or password can reach the log.
 */
export function createFrontDoor(options: {
  /** Next, or the queue's hot lane. */
  serve: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  checkRateLimit: (req: IncomingMessage, pathname: string) => TRateLimitVerdict;
  logger: Logger;
}) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const startedAt = performance.now();
    const context: TRequestContext = { requestId: requestIdFrom(req.headers) };
    // Next reads it from the headers, should its route handlers run outside this async context.
    req.headers["x-request-id"] = context.requestId;
    const rawUrl = req.url ?? "/";
    const queryAt = rawUrl.indexOf("?");
    const pathname = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);

    res.once("close", () => {
      const status = res.statusCode;
      const line = {
        requestId: context.requestId,
        method: req.method,
        route: routeOf(pathname),
        path: pathname,
        status,
        durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
        callerId: context.callerId,
        ...(res.writableFinished ? {} : { isAborted: true }),
        ...(context.error !== undefined ? { err: context.error } : {}),
      };
      // A 503 (database down) or 429 is the system working as meant, and worth a look; other 5xx are bugs.
      const level =
        status >= 500 && status !== 503 ? "error" : status === 503 || status === 429 ? "warn" : "info";
      options.logger[level](line, "request");
    });

    const answer = (response: Response) => writeResponse(response, req, res);
    runWithRequestContext(context, async () => {
      try {
        const verdict = options.checkRateLimit(req, pathname);
        if (!verdict.isAllowed) {
          const by = verdict.scope === "token" ? "this API token" : "this address";
          await answer(
            problemResponse(
              429,
              `Too many requests from ${by}. Try again in ${verdict.retryAfterSeconds} s.`,
              context.requestId,
              [],
              "too_many_requests",
              verdict.retryAfterSeconds,
            ),
          );
          return;
        }
        await options.serve(req, res);
      } catch (error) {
        // The API wrapper maps its own errors; this catches what escapes Next or the hot lane, with
        // the same mapping (an unreachable database is a 503, not a 500).
        const response = errorResponse(error, context.requestId);
        context.error ??= error;
        if (res.headersSent) return void res.end();
        await answer(response).catch(() => res.destroy());
      }
    });
  };
}
