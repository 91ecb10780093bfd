import "server-only";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";

export type TPostResult = { status: number | null; durationMs: number; error: string | null };

/**
 * POSTs one signed message to `url`, connecting to `address` (checked beforehand) whatever the
 * host name resolves to now; TLS still verifies the certificate for the host name. No redirects are
 * followed (a redirect is an answer, not a success); the response body is drained and dropped.
 * Gives up after `timeoutMs`, so a receiver that never answers holds nothing for long.
 */
export function postWebhook(input: {
  url: URL;
  address: string;
  family: 4 | 6;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}): Promise<TPostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: input.address, family: input.family }]);
    else callback(null, input.address, input.family);
  };
  const client = input.url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      input.url,
      {
        method: "POST",
        lookup: pinned,
        headers: {
          ...input.headers,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(input.body),
          "user-agent": "Concord-Webhooks/1",
        },
        agent: false,
      },
      (response) => {
        response.resume();
        response.on("end", () =>
          resolve({ status: response.statusCode ?? null, durationMs: elapsed(), error: null }),
        );
        response.on("error", (e) =>
          resolve({ status: response.statusCode ?? null, durationMs: elapsed(), error: e.message }),
        );
      },
    );
    const timer = setTimeout(
      () => request.destroy(new Error(`no answer within ${input.timeoutMs} ms`)),
      input.timeoutMs,
    );
    request.on("error", (error) => resolve({ status: null, durationMs: elapsed(), error: error.message }));
    request.on("close", () => clearTimeout(timer));
    request.end(input.body);
  });
}
