import { describe, expect, it } from "vitest";
import { newNonce, pageContentSecurityPolicy, withSecureAttribute } from "./security-headers";

describe("pageContentSecurityPolicy", () => {
  it("allows scripts by this nonce only, and no framing", () => {
    const csp = pageContentSecurityPolicy("abc123==");
    const directives = Object.fromEntries(
      csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]),
    );
    expect(directives["script-src"]).toBe("'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(directives["frame-ancestors"]).toBe("'none'");
    expect(directives["object-src"]).toBe("'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(pageContentSecurityPolicy("n", true)).toContain("'unsafe-eval'");
  });
});

describe("newNonce", () => {
  it("is 128 random bits, different each time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("withSecureAttribute", () => {
  it("adds Secure once", () => {
    const plain = "next-auth.session-token=abc; Path=/; HttpOnly; SameSite=Lax";
    expect(withSecureAttribute(plain)).toBe(`${plain}; Secure`);
    expect(withSecureAttribute(`${plain}; Secure`)).toBe(`${plain}; Secure`);
    expect(withSecureAttribute("a=b; secure; Path=/")).toBe("a=b; secure; Path=/");
  });

  it("is not fooled by a value that contains the word", () => {
    expect(withSecureAttribute("note=secure; Path=/")).toBe("note=secure; Path=/; Secure");
  });
});
