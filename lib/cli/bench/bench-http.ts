// The benchmarks' HTTP client. The load generator shares the two cores with the server and
// PostgreSQL, so it uses node:http with keep-alive (a third of fetch's CPU per request) and leaves
// more of the machine to what is measured.
import http from "node:http";
import zlib from "node:zlib";

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

export type TBenchResponse = {
  status: number;
  text: string;
  headers: http.IncomingHttpHeaders;
  /** From sending the request to the answer's last byte, or its first with `firstByteOnly`. */
  ms: number;
};

function decode(raw: Buffer, encoding: string | string[] | undefined): Buffer {
  if (encoding === "gzip") return zlib.gunzipSync(raw);
  if (encoding === "br") return zlib.brotliDecompressSync(raw);
  if (encoding === "deflate") return zlib.inflateSync(raw);
  return raw;
}

/**
 * One request, sent like a browser would (accept-encoding), so a compressed answer is decoded here
 * (after `ms` is taken). With `firstByteOnly` the answer is dropped at its first body byte, as a
 * download that is only started: `text` is then empty.
 */
export function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; firstByteOnly?: boolean } = {},
): Promise<TBenchResponse> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: options.method ?? "GET",
        agent,
        headers: { "accept-encoding": "gzip, deflate, br", ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let isDropped = false;
        const answer = (text: string) => ({
          status: response.statusCode ?? 0,
          headers: response.headers,
          text,
          ms: performance.now() - started,
        });
        response.on("data", (chunk: Buffer) => {
          if (!options.firstByteOnly) {
            chunks.push(chunk);
          } else if (!isDropped) {
            isDropped = true;
            resolve(answer(""));
            response.destroy();
          }
        });
        response.on("end", () => {
          const ms = performance.now() - started;
          try {
            const text = decode(Buffer.concat(chunks), response.headers["content-encoding"]).toString("utf8");
            resolve({ ...answer(text), ms });
          } catch (error) {
            reject(error as Error);
          }
        });
        response.on("error", (error) => {
          // A dropped download ends in an abort error once resolved: nothing is waiting on it then.
          if (!isDropped) reject(error);
        });
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

/** The `name=value` pairs an answer sets, ready for a Cookie header. */
function cookiesOf(response: TBenchResponse): string[] {
  return (response.headers["set-cookie"] ?? []).map((line) => line.split(";")[0]);
}

/**
 * Signs in with email and password as the sign-in page does (next-auth's CSRF token, then its
 * credentials callback) and returns the Cookie header that carries the session.
 */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await send(`${baseUrl}/api/auth/csrf`);
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const signedIn = await send(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookiesOf(csrf).join("; "),
    },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/", json: "true" }).toString(),
  });
  const session = cookiesOf(signedIn).find((c) => /^(__Secure-)?next-auth\.session-token=/.test(c));
  if (!session) throw new Error(`sign-in of ${email} set no session cookie (status ${signedIn.status})`);
  return session;
}
