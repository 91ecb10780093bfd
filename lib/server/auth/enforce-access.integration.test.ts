import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { allows, type TAccessRule, type TRole } from "@/lib/policies/access-rule";
import { ALL_POLICIES } from "@/lib/policies/all-policies";
import { AppError } from "@/lib/server/errors";
import { createTestProject, createTestUser, uniqueName } from "@/lib/testing/factories";
import type { TCaller } from "./get-caller";
import { enforceAccess } from "./enforce-access";

afterAll(() => disconnectDb());

const asCaller = (user: { id: string; email: string; name: string; isAdmin: boolean }): TCaller => ({
  id: user.id,
  email: user.email,
  name: user.name,
  isAdmin: user.isAdmin,
  via: "token",
});

// docs/access.md is rendered with allows(); this proves the registry's check answers the same.
describe("enforceAccess, against every rule of every policy", () => {
  it("lets in exactly whom allows() lets in, and answers 404 outside the project, 403 inside it", async () => {
    const [admin, lead, engineer, annotator, outsider] = await Promise.all([
      createTestUser({ isAdmin: true }),
      createTestUser(),
      createTestUser(),
      createTestUser(),
      createTestUser(),
    ]);
    const project = await createTestProject([
      { userId: lead.id, role: "lead" },
      { userId: engineer.id, role: "engineer" },
      { userId: annotator.id, role: "annotator" },
    ]);
    const evalSet = await db.evalSet.create({
      data: { projectId: project.id, name: uniqueName("set"), filter: {}, createdById: lead.id },
    });
    const callers: [TRole | null, TCaller][] = [
      ["admin", asCaller(admin)],
      ["lead", asCaller(lead)],
      ["engineer", asCaller(engineer)],
      ["annotator", asCaller(annotator)],
      [null, asCaller(outsider)],
    ];
    const rules = Object.entries(ALL_POLICIES).flatMap(([domain, policy]) =>
      Object.entries(policy).map(([name, rule]) => [`${domain}.${name}`, rule as TAccessRule] as const),
    );
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const [name, rule] of rules) {
      // The queue's rules are the SQL functions' to enforce (their own tests break them from SQL).
      if (rule.scope === "queue") continue;
      const id = rule.scope === "eval-set" ? evalSet.id : project.id;
      for (const [role, caller] of callers) {
        const status = await enforceAccess(rule, caller, { id }).then(
          () => 200,
          (error: unknown) => (error instanceof AppError ? error.status : 500),
        );
        outcomes.push(`${name} ${role ?? "outsider"} ${status}`);
        const isMemberScope = rule.scope === "project" || rule.scope === "eval-set";
        const refusal = isMemberScope && role === null ? 404 : 403;
        expected.push(`${name} ${role ?? "outsider"} ${allows(rule, role) ? 200 : refusal}`);
      }
    }
    expect(outcomes).toEqual(expected);
    expect(outcomes.length).toBeGreaterThan(100);
  });
});
