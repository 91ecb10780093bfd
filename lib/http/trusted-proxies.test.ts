import { describe, expect, it } from "vitest";
import { normalizeAddress, parseTrustedProxies, resolveClient } from "./trusted-proxies";

const none = parseTrustedProxies(undefined);
const proxies = parseTrustedProxies(" 127.0.0.1, 10.0.0.0/8 ,fd00::/8,::1");

const resolve = (
  peer: string,
  forwardedFor?: string | string[],
  forwardedProto?: string,
  trusted = proxies,
  isEncrypted = false,
) => resolveClient({ peer, forwardedFor, forwardedProto, isEncrypted }, trusted);

describe("parseTrustedProxies", () => {
  it("reads addresses and CIDR ranges of both families", () => {
    expect(proxies.size).toBe(4);
    expect(proxies.has("127.0.0.1")).toBe(true);
    expect(proxies.has("127.0.0.2")).toBe(false);
    expect(proxies.has("10.200.3.4")).toBe(true);
    expect(proxies.has("11.0.0.1")).toBe(false);
    expect(proxies.has("fd12:3456::1")).toBe(true);
    expect(proxies.has("fe80::1")).toBe(false);
    expect(proxies.has("::1")).toBe(true);
    expect(proxies.has("not-an-ip")).toBe(false);
  });

  it("trusts no one when unset or empty", () => {
    expect(none.size).toBe(0);
    expect(parseTrustedProxies(" , ").size).toBe(0);
    expect(none.has("127.0.0.1")).toBe(false);
  });

  it.each(["localhost", "10.0.0.0/33", "10.0.0.0/8/8", "::1/129", "10.0.0.0/x", "1.2.3", "*"])(
    "refuses %j, naming it",
    (entry) => {
      expect(() => parseTrustedProxies(`127.0.0.1,${entry}`)).toThrow(`"${entry}"`);
    },
  );
});

describe("normalizeAddress", () => {
  it.each([
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["10.1.2.3:5678", "10.1.2.3"],
    ["[2001:DB8::1]:443", "2001:db8::1"],
    ["[::1]", "::1"],
    ["fe80::1%eth0", "fe80::1"],
    [" 192.0.2.7 ", "192.0.2.7"],
    ["unknown", null],
    ["", null],
    ["1.2.3.4.5", null],
  ])("%j is %j", (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });
});

describe("resolveClient", () => {
  it("takes the socket's peer, and ignores forwarded headers, from anyone not trusted", () => {
    expect(resolve("203.0.113.9", "1.1.1.1", "https", none)).toEqual({
      address: "203.0.113.9",
      isHttps: false,
    });
    expect(resolve("::ffff:203.0.113.9", "1.1.1.1", "https")).toEqual({
      address: "203.0.113.9",
      isHttps: false,
    });
  });

  it("believes a trusted proxy about the client and the scheme", () => {
    expect(resolve("127.0.0.1", "198.51.100.4", "https")).toEqual({ address: "198.51.100.4", isHttps: true });
    expect(resolve("127.0.0.1", "198.51.100.4", "http")).toEqual({ address: "198.51.100.4", isHttps: false });
  });

  it("skips trusted hops from the right and stops at the first untrusted one", () => {
    // The client wrote 6.6.6.6 itself; the outer proxy 10.0.0.5 saw 198.51.100.4.
    expect(resolve("127.0.0.1", "6.6.6.6, 198.51.100.4, 10.0.0.5").address).toBe("198.51.100.4");
    expect(resolve("127.0.0.1", ["6.6.6.6", "198.51.100.4"]).address).toBe("198.51.100.4");
  });

  it("cannot be steered by what the client prepends", () => {
    const seen = new Set(
      ["1.1.1.1", "2.2.2.2", "3.3.3.3"].map(
        (forged) => resolve("127.0.0.1", `${forged}, 198.51.100.4`).address,
      ),
    );
    expect([...seen]).toEqual(["198.51.100.4"]);
  });

  it("keeps the last trustworthy hop when a proxy passed garbage on", () => {
    expect(resolve("127.0.0.1", "198.51.100.4, unknown").address).toBe("127.0.0.1");
    expect(resolve("127.0.0.1", "unknown, 10.0.0.5").address).toBe("10.0.0.5");
  });

  it("falls back to the peer, and the socket's scheme, when a trusted proxy sends nothing", () => {
    expect(resolve("10.0.0.5", undefined, undefined, proxies, true)).toEqual({
      address: "10.0.0.5",
      isHttps: true,
    });
    expect(resolve("10.0.0.5", "", "")).toEqual({ address: "10.0.0.5", isHttps: false });
  });
});
