import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, assertNoSecrets, auditActionLabel } from "./audit-actions";

describe("assertNoSecrets", () => {
  it("refuses a credential under any key, at any depth", () => {
    expect(() => assertNoSecrets({ password: "x" })).toThrow(/details\.password/);
    expect(() => assertNoSecrets({ hook: { url: "u", secret: "whsec_x" } })).toThrow(/details\.hook\.secret/);
    expect(() => assertNoSecrets({ list: [{ ok: 1 }, { Token: "t" }] })).toThrow(/details\.list\[1\]\.Token/);
  });

  it("lets through what the trail records: names, prefixes, ids, roles", () => {
    expect(() =>
      assertNoSecrets({ name: "pipeline", prefix: "cnc_abc123", tokenId: "1", role: "lead", n: 3, v: null }),
    ).not.toThrow();
  });
});

describe("audit action labels", () => {
  it("name every action once, and show an unknown recorded action as recorded", () => {
    const labels = AUDIT_ACTIONS.map((a) => auditActionLabel(a));
    expect(labels.every((l, i) => l.trim() !== "" && l !== AUDIT_ACTIONS[i])).toBe(true);
    expect(new Set(labels).size).toBe(AUDIT_ACTIONS.length);
    expect(auditActionLabel("member.added")).toBe("Member added");
    expect(auditActionLabel("retired.action")).toBe("retired.action");
  });
});
