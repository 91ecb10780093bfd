import "server-only";
import type { z } from "zod";
import type { TAccessRule } from "@/lib/policies/access-rule";
import { isRawContent, type TEndpoint } from "@/lib/endpoints/define-endpoint";
import type { TCaller } from "@/lib/server/auth/get-caller";
import { enforceAccess, type TGrantOf } from "@/lib/server/auth/enforce-access";
import { apiRoute } from "./api-route";

type TParsed<E, K extends "params" | "query" | "body"> = E extends { [P in K]: infer S extends z.ZodType }
  ? z.output<S>
  : K extends "params"
    ? Record<string, string>
    : undefined;

export type TRouteContext<E extends TEndpoint, R extends TAccessRule> = {
  request: Request;
  requestId: string;
  caller: R extends { scope: "anyone" } ? TCaller | null : TCaller;
  params: TParsed<E, "params">;
  query: TParsed<E, "query">;
  body: TParsed<E, "body">;
} & TGrantOf<R>;

type TBinding<E extends TEndpoint, R extends TAccessRule> = {
  access: R;
  /** Served by lib/cli/serve.ts straight from a node:http socket, before Next (the queue). */
  hot?: boolean;
  maxBodyBytes?: number;
  /**
   * A Response is sent as it is; any other value as JSON with the endpoint's success status, and
   * null or undefined as 204 where the endpoint declares one.
   */
  handler: (ctx: TRouteContext<E, R>) => Promise<unknown>;
};

export type TRouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

/** A route handler that also carries its declaration, so the registry can read what it serves. */
export type TRoute = TRouteHandler & { endpoint: TEndpoint; access: TAccessRule; hot: boolean };

/**
 * Binds an endpoint to who may call it and what it does. The App Router's route.ts files re-export
 * the result; the registry (lib/server/api/registry.ts) lists every one.
 */
export function defineRoute<const E extends TEndpoint, const R extends TAccessRule>(
  endpoint: E,
  { access, hot = false, maxBodyBytes, handler }: TBinding<E, R>,
): TRoute {
  const [okStatus] = successStatuses(endpoint);
  const hasNoContent = 204 in endpoint.responses;
  const run = apiRoute(
    {
      auth: access.scope !== "anyone",
      params: endpoint.params,
      query: endpoint.query,
      body: endpoint.body,
      maxBodyBytes,
      // The hot lane's answers are small: gzip would cost the server more than it saves.
      compress: !hot,
    },
    async (ctx) => {
      const grant = await enforceAccess(access, ctx.caller, ctx.params as Record<string, unknown>);
      const result = await handler({ ...ctx, ...grant } as TRouteContext<E, R>);
      if (result instanceof Response) return result;
      if (result == null && hasNoContent) return new Response(null, { status: 204 });
      if (CHECKS_ANSWERS) assertDeclaredAnswer(endpoint, okStatus, result);
      return Response.json(result ?? null, { status: okStatus });
    },
  );
  return Object.assign(run, { endpoint, access, hot });
}

// Under test, every answer is parsed with the schema the browser's client will parse it with, so a
// declaration that drifts from what the handler returns fails the integration tests, not a user.
const CHECKS_ANSWERS = process.env.NODE_ENV === "test";

function assertDeclaredAnswer(endpoint: TEndpoint, status: number, result: unknown) {
  const schema = endpoint.responses[status];
  if (!schema || isRawContent(schema)) return;
  const parsed = schema.safeParse(JSON.parse(JSON.stringify(result ?? null)));
  if (!parsed.success) {
    throw new Error(
      `${endpoint.method} ${endpoint.path} answered outside its declared ${status} schema: ${parsed.error.message}`,
    );
  }
}

export function successStatuses(endpoint: TEndpoint): number[] {
  return Object.keys(endpoint.responses)
    .map(Number)
    .filter((status) => status >= 200 && status < 300 && status !== 204)
    .concat(204 in endpoint.responses ? [204] : []);
}
