import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createToken } from "@/app/api/v1/auth/token/route";
import { THROTTLE } from "@/lib/auth/sign-in-throttle-policy";
import { parseTrustedProxies } from "@/lib/http/trusted-proxies";
import { disconnectDb } from "@/lib/db";
import { clientAddress } from "@/lib/server/auth/client-address";
import { TEST_PASSWORD, createTestUser } from "@/lib/testing/factories";
import { createClientAdmission } from "./admit-client";
import { serveHotRoute } from "./hot-routes";

// The client admission as lib/cli/serve/serve.ts runs it, once trusting no proxy and once trusting this machine,
// in front of a stand-in for Next that reports what it was told, and of the real token route.
const servers: Server[] = [];
let direct: string;
let behindProxy: string;

async function listen(trusted: string | undefined): Promise<string> {
  const admit = createClientAdmission(parseTrustedProxies(trusted));
  const server = createServer((req, res) => {
    admit(req, res);
    if (req.url === "/api/v1/auth/token")
      return void serveHotRoute({ handler: createToken, id: "" }, req, res);
    const headers = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2)
      headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
    res.setHeader("set-cookie", ["a=1; Path=/; HttpOnly", "b=2; Path=/; Secure"]);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        address: clientAddress(req.headers),
        addressFromRaw: clientAddress(headers),
        proto: req.headers["x-forwarded-proto"],
        host: req.headers["x-forwarded-host"] ?? null,
      }),
    );
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  direct = await listen(undefined);
  behindProxy = await listen("127.0.0.1");
});

afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  await disconnectDb();
});

/** fetch() will not send some of these headers; a raw request sends anything. */
function get(base: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }>((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { headers }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const forged = {
  "x-forwarded-for": "6.6.6.6",
  "x-forwarded-proto": "https",
  "x-forwarded-host": "evil.example",
};

describe("client admission", () => {
  it("takes the client from the socket, whatever forwarded headers a client sends", async () => {
    const res = await get(direct, "/x", forged);
    expect(JSON.parse(res.body)).toEqual({
      address: "127.0.0.1",
      addressFromRaw: "127.0.0.1",
      proto: "http",
      host: null,
    });
    // Over plain HTTP, cookies are left as they were.
    expect(res.headers["set-cookie"]).toEqual(["a=1; Path=/; HttpOnly", "b=2; Path=/; Secure"]);
  });

  it("believes a trusted proxy about the client, the scheme and the host, and then marks cookies Secure", async () => {
    const res = await get(behindProxy, "/x", {
      "x-forwarded-for": "6.6.6.6, 198.51.100.4",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "concord.example",
    });
    expect(JSON.parse(res.body)).toEqual({
      address: "198.51.100.4",
      addressFromRaw: "198.51.100.4",
      proto: "https",
      host: "concord.example",
    });
    expect(res.headers["set-cookie"]).toEqual(["a=1; Path=/; HttpOnly; Secure", "b=2; Path=/; Secure"]);
  });

  it("puts the security headers on pages and API answers alike", async () => {
    const page = await get(direct, "/projects");
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.headers["referrer-policy"]).toBe("same-origin");
    expect(page.headers["x-frame-options"]).toBe("DENY");
    // Pages get their policy, with a nonce, from proxy.ts.
    expect(page.headers["content-security-policy"]).toBeUndefined();
    const api = await get(direct, "/api/v1/health");
    expect(api.headers["x-content-type-options"]).toBe("nosniff");
    expect(api.headers["content-security-policy"]).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
    );
  });

  it("keeps a new X-Forwarded-For per attempt from escaping the per-address limit", async () => {
    const user = await createTestUser();
    const attempt = (password: string, i: number) =>
      fetch(`${direct}/api/v1/auth/token`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `203.0.113.${i}` },
        body: JSON.stringify({ email: user.email, password, name: "x" }),
      });
    for (let i = 0; i < THROTTLE.maxFailuresPerAccountAtAddress; i++) {
      expect((await attempt("wrong-password", i)).status).toBe(401);
    }
    const locked = await attempt(TEST_PASSWORD, 99);
    expect(locked.status).toBe(429);
    expect(locked.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
