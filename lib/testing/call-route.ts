// Calls a Next.js route handler in-process, the way the server would, with a Bearer token.
// Tests read whatever JSON came back; typing every body would add nothing.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TRouteResult = { status: number; body: any; headers: Headers };

type THandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export async function callRoute(
  handler: THandler,
  options: {
    method?: string;
    path?: string;
    token?: string;
    json?: unknown;
    body?: BodyInit;
    headers?: Record<string, string>;
    params?: Record<string, string>;
  } = {},
): Promise<TRouteResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.json !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost${options.path ?? "/api/v1/test"}`, {
    method: options.method ?? (options.json !== undefined || options.body !== undefined ? "POST" : "GET"),
    headers,
    body: options.json !== undefined ? JSON.stringify(options.json) : options.body,
    // @ts-expect-error -- undici needs this for streamed request bodies
    duplex: "half",
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body, headers: response.headers };
}
