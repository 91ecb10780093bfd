import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { getCaller, type TCaller } from "@/lib/server/auth/get-caller";
import {
  AppError,
  badRequest,
  forbidden,
  problemResponse,
  serviceUnavailable,
  sqlRefusal,
  unauthorized,
  unprocessable,
} from "@/lib/server/errors";
import { isDatabaseUnreachable } from "@/lib/server/db/is-database-unreachable";
import { currentRequestContext } from "@/lib/server/http/request-context";
import { getLogger } from "@/lib/server/log/logger";
import { readJsonBody } from "./read-json-body";
import { toFieldErrors } from "@/lib/schemas/field-errors";
import { breaksRulesOnly } from "@/lib/schemas/rule-issue";
import { findUnsafeText } from "@/lib/schemas/safe-text";

type TParamsOf<P> = P extends z.ZodType ? z.infer<P> : Record<string, string>;
type TBodyOf<B> = B extends z.ZodType ? z.infer<B> : undefined;
type TQueryOf<Q> = Q extends z.ZodType ? z.infer<Q> : undefined;

export type TApiContext<B, Q, P, A extends boolean> = {
  request: Request;
  requestId: string;
  caller: A extends false ? TCaller | null : TCaller;
  body: TBodyOf<B>;
  query: TQueryOf<Q>;
  params: TParamsOf<P>;
};

type TRouteOptions<B, Q, P, A extends boolean> = {
  /** false: no sign-in needed (the handler may still read `caller`). Default true. */
  auth?: A;
  body?: B;
  query?: Q;
  params?: P;
  /** Largest JSON body accepted, in bytes. */
  maxBodyBytes?: number;
  /**
   * false: answer uncompressed and uncached (`no-store, no-transform`, which Next's gzip honours).
   * For the queue's small, hot answers, where gzip costs the server more than it saves on the wire.
   */
  compress?: boolean;
};

type TRouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

/**
 * The one wrapper every /api/v1 route goes through: request id, caller (session or Bearer token),
 * zod parsing of params, query and body, and mapping of every error to application/problem+json.
 * Handlers return a Response, or a value that is sent as JSON with status 200.
 */
export function apiRoute<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  A extends boolean = true,
>(
  options: TRouteOptions<B, Q, P, A>,
  handler: (ctx: TApiContext<B, Q, P, A>) => Promise<unknown>,
): TRouteHandler {
  const isBodyOptional = options.body?.safeParse(undefined).success === true;
  return async (request, context) => {
    // The front door (serve.ts) named the request already: its log line and this answer share the id.
    const frontDoor = currentRequestContext();
    const requestId = frontDoor?.requestId ?? requestIdFrom(request.headers);
    try {
      // Open routes (health, token exchange) never touch the session, so they answer even when it cannot be read.
      const caller = options.auth === false ? null : await getCaller(request);
      if (options.auth !== false && !caller) throw unauthorized();
      if (frontDoor && caller) frontDoor.callerId = caller.id;
      if (caller?.via === "session" && request.method !== "GET" && request.method !== "HEAD") {
        assertSameOrigin(request);
      }
      const rawParams = (await context?.params) ?? {};
      const params = options.params ? parseWith(options.params, rawParams, "params") : rawParams;
      const url = new URL(request.url);
      const query = options.query
        ? parseWith(options.query, Object.fromEntries(url.searchParams), "query")
        : undefined;
      const body = options.body
        ? parseWith(
            options.body,
            await readJsonBody(request, options.maxBodyBytes ?? 1_000_000, { optional: isBodyOptional }),
            "body",
          )
        : undefined;
      const result = await handler({ request, requestId, caller, body, query, params } as TApiContext<
        B,
        Q,
        P,
        A
      >);
      const response = result instanceof Response ? result : Response.json(result ?? null);
      response.headers.set("x-request-id", requestId);
      if (options.compress === false) response.headers.set("cache-control", "no-store, no-transform");
      return response;
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
}

/** A client's own X-Request-Id when it is a sane one (to follow a request through a proxy), else a new id. */
export function requestIdFrom(headers: Headers | Record<string, string | string[] | undefined>): string {
  const raw = headers instanceof Headers ? headers.get("x-request-id") : headers["x-request-id"];
  return typeof raw === "string" && /^[\w-]{8,64}$/.test(raw) ? raw : randomUUID();
}

function parseWith(schema: z.ZodType, value: unknown, where: "params" | "query" | "body") {
  // Params and query are strings the URL carried: refused here whatever their schema says, before
  // any of them can reach the database. The body reader checks bodies.
  const unsafe = where === "body" ? null : findUnsafeText(value);
  if (unsafe && where === "params") throw new AppError("not_found", "Resource not found.", 404, [unsafe]);
  if (unsafe)
    throw badRequest(`The request ${where} is not valid.`, [{ ...unsafe, path: `${where}.${unsafe.path}` }]);
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    if (where === "params")
      throw new AppError("not_found", "Resource not found.", 404, toFieldErrors(parsed.error));
    const errors = toFieldErrors(parsed.error).map((e) => (e.path ? e : { ...e, path: `(${where})` }));
    if (where === "body" && breaksRulesOnly(parsed.error))
      throw unprocessable("The request breaks a rule.", errors);
    throw badRequest(`The request ${where} is not valid.`, errors);
  }
  return parsed.data;
}

// Session cookies are SameSite=Lax already; this refuses a cross-site write outright. An origin
// that is no URL (`null`, sent from sandboxed frames, file: pages and some redirects) is not ours.
function assertSameOrigin(request: Request) {
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host || !URL.canParse(origin) || new URL(origin).host !== host) {
    const refused = forbidden("Cross-site request refused.");
    refused.errors.push({ path: "(header) origin", message: "must be this site's origin" });
    throw refused;
  }
}

/** How long a client should wait before repeating a request that met an unreachable database. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

export function errorResponse(error: unknown, requestId: string): Response {
  const appError =
    error instanceof AppError
      ? error
      : (sqlRefusal(error) ??
        (isDatabaseUnreachable(error)
          ? serviceUnavailable(
              "The database cannot be reached right now. Try again in a few seconds.",
              DATABASE_RETRY_AFTER_SECONDS,
              error,
            )
          : null));
  if (appError) {
    if (appError.status === 503) reportError(appError.cause, requestId, "warn");
    return problemResponse(
      appError.status,
      appError.message,
      requestId,
      appError.errors,
      appError.code,
      appError.retryAfterSeconds,
    );
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") {
      const target = (error.meta?.target as string[] | string | undefined) ?? [];
      const fields = Array.isArray(target) ? target : [target];
      return problemResponse(
        409,
        "That already exists.",
        requestId,
        fields.map((path) => ({ path, message: "must be unique" })),
        "conflict",
      );
    }
    if (error.code === "P2025")
      return problemResponse(404, "Resource not found.", requestId, [], "not_found");
  }
  if (error instanceof z.ZodError)
    return problemResponse(400, "Invalid input.", requestId, toFieldErrors(error));
  reportError(error, requestId, "error");
  return problemResponse(
    500,
    "Something went wrong on our side. Quote the request id if you report it.",
    requestId,
  );
}

// Within a request the front door logs the error on the request's own line; outside one (a test
// calling a handler directly) it gets a line of its own.
function reportError(error: unknown, requestId: string, level: "warn" | "error") {
  const context = currentRequestContext();
  if (context?.requestId === requestId) context.error = error;
  else getLogger()[level]({ requestId, err: error }, "request failed");
}
