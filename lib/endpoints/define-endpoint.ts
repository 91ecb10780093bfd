import type { z } from "zod";

export type TMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A non-JSON payload: content type -> what it holds, for the OpenAPI document. */
export type TRawContent = {
  raw: true;
  description: string;
  content: Record<string, { description?: string; format?: "binary" }>;
};

/**
 * What an endpoint accepts and answers, with no server code, so that the browser's client
 * (lib/client/api.ts) parses answers with the very schemas the server declares. The server binds
 * it to an access rule and a handler with defineRoute (lib/server/api/define-route.ts); the OpenAPI
 * document and the hot lane are built from those routes.
 */
export type TEndpoint = {
  method: TMethod;
  /** Below /api/v1, with {name} for each path parameter. */
  path: `/${string}`;
  tag: string;
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** A request body that is not JSON (an uploaded file), for the document only. */
  rawBody?: TRawContent;
  /** Success answers: status -> JSON schema, null for no body, or raw content. */
  responses: Record<number, z.ZodType | null | TRawContent>;
  /** Headers of an answer, by status, for the document (a 204 that says why, a Retry-After). */
  responseHeaders?: Record<number, z.ZodObject>;
  /** Refusals particular to this endpoint, beyond the ones its input and access rule imply. */
  errors?: Record<number, string>;
  /** Parsed by the same schemas in tests, so an example cannot drift from what it illustrates. */
  examples?: { body?: unknown; query?: Record<string, string>; response?: unknown };
};

export const rawContent = (description: string, content: TRawContent["content"]): TRawContent => ({
  raw: true,
  description,
  content,
});

export function isRawContent(value: unknown): value is TRawContent {
  return typeof value === "object" && value !== null && (value as TRawContent).raw === true;
}

export function defineEndpoint<const E extends TEndpoint>(endpoint: E): E {
  return endpoint;
}

type TJsonOf<S> = S extends z.ZodType ? z.output<S> : S extends null ? undefined : never;
/** The parsed answer of an endpoint: the union over its JSON success responses. */
export type TAnswerOf<E extends TEndpoint> = {
  [K in keyof E["responses"]]: TJsonOf<E["responses"][K]>;
}[keyof E["responses"]];
