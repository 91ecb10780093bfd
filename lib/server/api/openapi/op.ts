import "server-only";
import type { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiResponsesObject } from "zod-openapi";
import { ZProblem } from "@/lib/schemas/common";

type TOp = {
  summary: string;
  tag: string;
  body?: z.ZodType;
  /** A non-JSON request body: content type -> description. */
  rawBody?: Record<string, string>;
  query?: z.ZodObject;
  ok: [number, z.ZodType | null, string?];
  open?: boolean;
  path?: z.ZodObject;
  /** Answers besides `ok` and the problems every route may give (a 204, a 503). */
  also?: ZodOpenApiResponsesObject;
};

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ZProblem } },
});

export function op({
  summary,
  tag,
  body,
  rawBody,
  query,
  ok,
  open,
  path,
  also,
}: TOp): ZodOpenApiOperationObject {
  const [status, schema, description] = ok;
  return {
    summary,
    tags: [tag],
    ...(open ? { security: [] } : {}),
    ...(path ? { requestParams: { path } } : {}),
    ...(query ? { requestParams: { ...(path ? { path } : {}), query } } : {}),
    ...(body ? { requestBody: { content: { "application/json": { schema: body } } } } : {}),
    ...(rawBody
      ? {
          requestBody: {
            content: Object.fromEntries(
              Object.entries(rawBody).map(([type, description]) => [
                type,
                { schema: { type: "string", description } },
              ]),
            ),
          },
        }
      : {}),
    responses: {
      [status]: schema
        ? { description: description ?? "OK", content: { "application/json": { schema } } }
        : { description: description ?? "No content" },
      400: problem("Bad input: `errors` names each invalid field"),
      401: problem("No or invalid credentials"),
      403: problem("Not allowed"),
      404: problem("Not found, or not visible to the caller"),
      409: problem("Conflict"),
      413: problem("Too large"),
      422: problem("Valid JSON that breaks a rule"),
      ...also,
    },
  };
}
