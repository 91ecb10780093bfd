export type TProblem = {
  status: number;
  title: string;
  detail: string;
  requestId?: string;
  errors?: { path: string; message: string }[];
};

export class ApiError extends Error {
  constructor(
    readonly problem: TProblem,
    /** The server's `Retry-After` (429, 503), in seconds. */
    readonly retryAfterSeconds?: number,
  ) {
    super(problem.detail || problem.title);
    this.name = "ApiError";
  }

  /** The message for one field, for showing next to that field in a form. */
  fieldMessage(path: string): string | undefined {
    return this.problem.errors?.find((e) => e.path === path)?.message;
  }
}

/** Calls the JSON API with the session cookie; non-2xx answers throw an ApiError carrying the problem. */
export async function apiFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const response = await apiFetchResponse(path, init);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** apiFetch for an answer whose headers matter (a 204 that says why): the 2xx Response, unread. */
export async function apiFetchResponse(
  path: string,
  init: RequestInit & { json?: unknown } = {},
): Promise<Response> {
  const { json, headers, ...rest } = init;
  const response = await fetch(`/api/v1${path}`, {
    ...rest,
    headers: { ...(json !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as TProblem | null;
    const retryAfter = Number(response.headers.get("retry-after") ?? Number.NaN);
    throw new ApiError(
      problem ?? { status: response.status, title: response.statusText, detail: response.statusText },
      Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined,
    );
  }
  return response;
}
