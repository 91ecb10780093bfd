import type { z } from "zod";
import { isRawContent, type TAnswerOf, type TEndpoint } from "@/lib/endpoints/define-endpoint";
import { ApiError, type TProblem } from "./api-error";

type TInputOf<E, K extends "params" | "query" | "body"> = E extends { [P in K]: infer S extends z.ZodType }
  ? Record<never, never> extends z.input<S>
    ? { [P in K]?: z.input<S> }
    : { [P in K]: z.input<S> }
  : { [P in K]?: never };
export type TCallInput<E extends TEndpoint> = TInputOf<E, "params"> &
  TInputOf<E, "query"> &
  TInputOf<E, "body">;
type TOptionalInput<E extends TEndpoint> =
  Record<never, never> extends TCallInput<E> ? [TCallInput<E>?] : [TCallInput<E>];

/**
 * Calls an /api/v1 endpoint with the session cookie and parses the answer with the schema the
 * endpoint declares for that status (lib/endpoints/), so a component never trusts an unchecked cast.
 * Non-2xx answers throw an ApiError carrying the problem.
 */
export async function callApi<E extends TEndpoint>(
  endpoint: E,
  ...[input]: TOptionalInput<E>
): Promise<TAnswerOf<E>> {
  return (await callApiWithHeaders(endpoint, ...([input] as TOptionalInput<E>))).answer;
}

/** callApi for an answer whose headers matter too (a 204 that says why). */
export async function callApiWithHeaders<E extends TEndpoint>(
  endpoint: E,
  ...[input]: TOptionalInput<E>
): Promise<{ answer: TAnswerOf<E>; headers: Headers }> {
  const { params, query, body } = (input ?? {}) as { params?: object; query?: object; body?: unknown };
  const response = await fetch(endpointUrl(endpoint, params, query), {
    method: endpoint.method,
    headers: body !== undefined ? { "content-type": "application/json" } : {},
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as TProblem | null;
    const retryAfter = Number(response.headers.get("retry-after") ?? Number.NaN);
    throw new ApiError(
      problem ?? { status: response.status, title: response.statusText, detail: response.statusText },
      Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined,
    );
  }
  const schema = declaredSchema(endpoint, response.status);
  const answer = schema === null ? undefined : schema.parse(await response.json());
  return { answer: answer as TAnswerOf<E>, headers: response.headers };
}

/** The JSON schema an endpoint declares for a success status (null: no body); throws for others. */
export function declaredSchema(endpoint: TEndpoint, status: number): z.ZodType | null {
  const schema = endpoint.responses[status];
  if (schema === undefined || isRawContent(schema)) {
    throw new Error(`${endpoint.method} ${endpoint.path} answered ${status}, which it does not declare.`);
  }
  return schema;
}

/** The URL of an endpoint: its {name} segments filled in and escaped, its query appended. */
export function endpointUrl(endpoint: TEndpoint, params: object = {}, query: object = {}): string {
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String((params as Record<string, unknown>)[name])),
  );
  const search = new URLSearchParams(
    Object.entries(query).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])),
  ).toString();
  return `/api/v1${path}${search ? `?${search}` : ""}`;
}

/** What a component sends as an endpoint's body, before the server's parsing. */
export type TBodyOf<E extends TEndpoint> = E extends { body: infer S extends z.ZodType } ? z.input<S> : never;
