import "server-only";

/** One bad field; `line` is set for problems in an uploaded file. */
export type TFieldError = { path: string; message: string; line?: number };

/** The one error family the API speaks; the wrapper turns it into application/problem+json. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly errors: TFieldError[] = [],
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, options);
    this.name = "AppError";
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }

  /** Sent as `Retry-After` (429, 503): when the same request may succeed. */
  readonly retryAfterSeconds?: number;
}

export const badRequest = (message: string, errors: TFieldError[] = []) =>
  new AppError("bad_request", message, 400, errors);
export const unauthorized = (message = "Sign in or send a valid API token.") =>
  new AppError("unauthorized", message, 401);
export const forbidden = (message = "You do not have the rights for this.") =>
  new AppError("forbidden", message, 403);
export const notFound = (what = "Resource") => new AppError("not_found", `${what} not found.`, 404);
export const conflict = (message: string, errors: TFieldError[] = []) =>
  new AppError("conflict", message, 409, errors);
export const unprocessable = (message: string, errors: TFieldError[] = []) =>
  new AppError("unprocessable", message, 422, errors);
export const tooLarge = (message: string) => new AppError("too_large", message, 413);
export const tooManyRequests = (message: string, retryAfterSeconds?: number) =>
  new AppError("too_many_requests", message, 429, [], { retryAfterSeconds });
export const serviceUnavailable = (message: string, retryAfterSeconds: number, cause?: unknown) =>
  new AppError("unavailable", message, 503, [], { retryAfterSeconds, cause });

// The queue's SQL functions (prisma/functions/queue-*.sql) refuse with SQLSTATE "CS" + the HTTP status, and a
// message written for the user.
const SQL_REFUSALS: Record<string, string> = {
  CS403: "forbidden",
  CS404: "not_found",
  CS409: "conflict",
  CS503: "busy",
};

/** The AppError a refusal raised by one of Concord's SQL functions stands for, or null. */
export function sqlRefusal(error: unknown): AppError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string" || !Object.hasOwn(SQL_REFUSALS, code)) return null;
  return new AppError(SQL_REFUSALS[code], (error as Error).message, Number(code.slice(2)), [], {
    cause: error,
    // CS503 is a moment's contention (a queue row held longer than a claim waits): ask again soon.
    ...(code === "CS503" ? { retryAfterSeconds: 1 } : {}),
  });
}

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export function problemResponse(
  status: number,
  detail: string,
  requestId: string,
  errors: TFieldError[] = [],
  code?: string,
  retryAfterSeconds?: number,
): Response {
  const body = {
    type: code ? `https://concord.dev/problems/${code}` : "about:blank",
    title: TITLES[status] ?? "Error",
    status,
    detail,
    requestId,
    errors,
  };
  const headers: Record<string, string> = {
    "content-type": "application/problem+json",
    "x-request-id": requestId,
  };
  if (retryAfterSeconds !== undefined)
    headers["retry-after"] = String(Math.max(1, Math.ceil(retryAfterSeconds)));
  return new Response(JSON.stringify(body), { status, headers });
}
