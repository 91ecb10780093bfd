import "server-only";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import {
  API_CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
  withSecureAttribute,
} from "@/lib/http/security-headers";
import { normalizeAddress, resolveClient, type TTrustedProxies } from "@/lib/http/trusted-proxies";
import { markClientAdmitted } from "@/lib/server/auth/client-address";

// What proxies say about the client. Only this admission writes these: a client's own copies never
// reach Next or the hot lane (Next itself keeps any it finds).
const FORWARDED = ["x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port"];

/**
 * What lib/cli/serve/serve.ts does to every request first, before the front door (front-door.ts), Next or
 * the hot lane see it: X-Forwarded-For
 * becomes the one client address resolved from the socket and the trusted proxies, and
 * X-Forwarded-Proto the scheme the client used; the security headers go on the response, and over
 * HTTPS every cookie is marked Secure.
 */
export function createClientAdmission(trusted: TTrustedProxies) {
  markClientAdmitted();
  return function admit(req: IncomingMessage, res: ServerResponse): void {
    const peer = req.socket.remoteAddress;
    const { address, isHttps } = resolveClient(
      {
        peer,
        forwardedFor: req.headers["x-forwarded-for"],
        forwardedProto: req.headers["x-forwarded-proto"],
        isEncrypted: "encrypted" in req.socket && req.socket.encrypted === true,
      },
      trusted,
    );
    const kept: Record<string, string> = {};
    if (address) kept["x-forwarded-for"] = address;
    kept["x-forwarded-proto"] = isHttps ? "https" : "http";
    if (trusted.has(normalizeAddress(peer) ?? "")) {
      for (const name of ["x-forwarded-host", "x-forwarded-port"]) {
        const value = req.headers[name];
        if (typeof value === "string") kept[name] = value;
      }
    }
    replaceHeaders(req, kept);

    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    // Pages get theirs, with a nonce, from proxy.ts.
    if (req.url?.startsWith("/api/")) res.setHeader("content-security-policy", API_CONTENT_SECURITY_POLICY);
    if (isHttps) markCookiesSecure(res);
  };
}

/** Drops every forwarded header the request came with and sets `kept`, in both of Node's views. */
function replaceHeaders(req: IncomingMessage, kept: Record<string, string>): void {
  for (const name of FORWARDED) delete req.headers[name];
  Object.assign(req.headers, kept);
  const raw: string[] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (!FORWARDED.includes(req.rawHeaders[i].toLowerCase()))
      raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
  }
  for (const [name, value] of Object.entries(kept)) raw.push(name, value);
  req.rawHeaders = raw;
}

/**
 * Adds Secure to every Set-Cookie as the headers go out. Next and the hot lane both end in
 * writeHead (Node's implicit headers included), so this one place sees every cookie.
 */
function markCookiesSecure(res: ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const set = this.getHeader("set-cookie");
    if (set !== undefined) {
      this.setHeader("set-cookie", (Array.isArray(set) ? set : [String(set)]).map(withSecureAttribute));
    }
    const headers = args.find((a): a is OutgoingHttpHeaders => typeof a === "object" && a !== null);
    if (headers && !Array.isArray(headers)) {
      for (const name of Object.keys(headers)) {
        const value = headers[name];
        if (name.toLowerCase() !== "set-cookie" || value === undefined) continue;
        headers[name] = (Array.isArray(value) ? value : [String(value)]).map(withSecureAttribute);
      }
    }
    return Reflect.apply(writeHead, this, args) as ServerResponse;
  } as ServerResponse["writeHead"];
}
