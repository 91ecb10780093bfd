import { createHmac } from "node:crypto";

import { describe, expect, it } from "vitest";

import { anonymizer, sequentialAnonymizer } from "./anonymize";

describe("anonymizer (HMAC, the default)", () => {
  it("maps an id to annotator- and the first 8 hex digits of HMAC-SHA256(salt, id)", () => {
    const hex = createHmac("sha256", "version-1").update("user-a").digest("hex");
    expect(anonymizer("version-1")("user-a")).toBe(`annotator-${hex.slice(0, 8)}`);
    expect(anonymizer("version-1")("user-a")).toMatch(/^annotator-[0-9a-f]{8}$/);
  });

  it("is stable for one salt and unlinkable across salts", () => {
    const a = anonymizer("version-1");
    const b = anonymizer("version-1");
    expect(a("user-a")).toBe(b("user-a"));
    expect(a("user-a")).toBe(a("user-a"));
    expect(a("user-a")).not.toBe(a("user-b"));
    expect(anonymizer("version-2")("user-a")).not.toBe(a("user-a"));
    expect(() => anonymizer("")).toThrow(/salt/);
  });

  it("never merges two annotators whose 8-digit prefixes collide", () => {
    // Found by search: with this salt both ids start with b98c035c.
    const salt = "collision-test-salt";
    const first = anonymizer(salt);
    expect(first("user-73411")).toBe("annotator-b98c035c");
    expect(first("user-99872")).toBe("annotator-b98c035c3062");
    expect(first("user-73411")).toBe("annotator-b98c035c");
    const other = anonymizer(salt); // the order of first appearance decides who keeps 8 digits
    expect(other("user-99872")).toBe("annotator-b98c035c");
    expect(other("user-73411")).toBe("annotator-b98c035cb509");
  });
});

describe("sequentialAnonymizer", () => {
  it("numbers annotators in order of first appearance", () => {
    const next = sequentialAnonymizer();
    expect(["u9", "u3", "u9", "u1", "u3"].map(next)).toEqual([
      "annotator-1",
      "annotator-2",
      "annotator-1",
      "annotator-3",
      "annotator-2",
    ]);
  });
});
