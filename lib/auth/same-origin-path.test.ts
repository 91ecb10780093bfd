import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sameOriginPath } from "./same-origin-path";

const ORIGIN = "http://concord.example:3000";

describe("sameOriginPath", () => {
  it.each([
    ["/projects/1?tab=items#top", "/projects/1?tab=items#top"],
    ["/settings/tokens", "/settings/tokens"],
    ["projects", "/projects"],
    [`${ORIGIN}/admin/users`, "/admin/users"],
    ["/%5Cevil.example/x", "/%5Cevil.example/x"],
    ["/.//evil.example/x", "/evil.example/x"],
    ["/a/..//evil.example", "/evil.example"],
  ])("keeps %s on this site as %s", (target, expected) => {
    expect(sameOriginPath(target, ORIGIN)).toBe(expected);
  });

  it.each([
    "/\\evil.example/x",
    "/\t/evil.example/x",
    "/\n/evil.example/x",
    "\\\\evil.example",
    "//evil.example/x",
    "///evil.example/x",
    "https://evil.example/x",
    "https:evil.example",
    "http://concord.example:3001/x",
    "https://concord.example:3000/x",
    "javascript:alert(1)",
    "data:text/html,hi",
    " //evil.example",
    "http://[::1",
  ])("refuses %j", (target) => {
    expect(sameOriginPath(target, ORIGIN)).toBe("/");
  });

  it("falls back when there is no target", () => {
    expect(sameOriginPath(null, ORIGIN)).toBe("/");
    expect(sameOriginPath("", ORIGIN, "/home")).toBe("/home");
  });

  it("never returns a path that a browser would read as another host", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("/", "\\", "\t", ".", "e", ":", "%", "5", "C", "@", " ") }),
        (s) => {
          const path = sameOriginPath(s, ORIGIN);
          expect(path.startsWith("/")).toBe(true);
          expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
