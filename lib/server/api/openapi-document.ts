import "server-only";
import type { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { isRawContent, type TRawContent } from "@/lib/endpoints/define-endpoint";
import { describeRule } from "@/lib/policies/describe-rule";
import { metaPolicy } from "@/lib/policies/meta";
import { ZProblem } from "@/lib/schemas/common";
import type { TRoute } from "./define-route";
import { ROUTES } from "./registry";

/** The OpenAPI 3.1 document, from the registry alone: the schemas are the ones the handlers parse. */
export function buildOpenApiDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Concord API",
      version: "1.0.0",
      description: "Projects, label definitions, the labeling queue, agreement and frozen evaluation sets.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API token from POST /auth/token" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
    },
    paths: openApiPaths(ROUTES),
  });
}

/** The document's paths, with their zod schemas still attached (the API fuzz suite reads them). */
export function openApiPaths(routes: readonly TRoute[]): ZodOpenApiPathsObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    const method = route.endpoint.method.toLowerCase() as "get";
    paths[route.endpoint.path] = { ...paths[route.endpoint.path], [method]: operation(route) };
  }
  return paths;
}

function operation({ endpoint, access }: TRoute): ZodOpenApiOperationObject {
  const { summary, tag, params, query, body, rawBody, responses, responseHeaders, examples } = endpoint;
  const headersOf = (status: number) =>
    responseHeaders?.[status] ? { headers: responseHeaders[status] } : {};
  const json = (schema: z.ZodType, example: unknown) => ({
    "application/json": { schema, ...(example !== undefined ? { example } : {}) },
  });
  return {
    summary,
    description: `Who may call it: ${describeRule(access)}.`,
    tags: [tag],
    ...(access.scope === "anyone" ? { security: [] } : {}),
    ...(params || query
      ? { requestParams: { ...(params ? { path: params } : {}), ...(query ? { query } : {}) } }
      : {}),
    ...(body ? { requestBody: { content: json(body, examples?.body) } } : {}),
    ...(rawBody ? { requestBody: { description: rawBody.description, content: rawMedia(rawBody) } } : {}),
    responses: {
      ...Object.fromEntries(
        Object.entries(responses).map(([status, schema]) => [
          status,
          {
            ...(schema === null
              ? { description: "No content" }
              : isRawContent(schema)
                ? { description: schema.description, content: rawMedia(schema) }
                : { description: "OK", content: json(schema, examples?.response) }),
            ...headersOf(Number(status)),
          },
        ]),
      ),
      ...Object.fromEntries(
        Object.entries(errorStatuses(endpoint, access)).map(([status, description]) => [
          status,
          {
            description,
            content: { "application/problem+json": { schema: ZProblem } },
            ...headersOf(Number(status)),
          },
        ]),
      ),
    },
  };
}

/** The refusals an endpoint can answer: from its input and access rule, and the ones it declares. */
function errorStatuses(
  { params, query, body, rawBody, errors }: TRoute["endpoint"],
  access: TRoute["access"],
) {
  const statuses: Record<number, string> = {};
  if (query || body || rawBody) statuses[400] = "Bad input: `errors` names each invalid field";
  if (access.scope !== "anyone") statuses[401] = "No or invalid credentials";
  if (access.scope !== "anyone" && access.scope !== "signed-in")
    statuses[403] = "Not allowed for the caller's role";
  if (params) statuses[404] = "Not found, or not visible to the caller";
  if (body || rawBody) statuses[413] = "Too large";
  // The front door's rate limits (lib/server/http/api-rate-limits.ts) spare only the health check.
  if (access !== metaPolicy.health) statuses[429] = "Too many requests: wait Retry-After seconds";
  statuses[500] = "Something went wrong on our side: quote the request id";
  statuses[503] = "The database cannot be reached: wait Retry-After seconds";
  return { ...statuses, ...errors };
}

function rawMedia(raw: TRawContent) {
  return Object.fromEntries(
    Object.entries(raw.content).map(([type, { description, format }]) => [
      type,
      {
        schema: {
          type: "string" as const,
          ...(format ? { format } : {}),
          ...(description ? { description } : {}),
        },
      },
    ]),
  );
}
