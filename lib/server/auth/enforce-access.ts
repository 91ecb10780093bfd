import "server-only";
import type { TAccessRule } from "@/lib/policies/access-rule";
import { forbidden, unauthorized } from "@/lib/server/errors";
import { requireEvalSet, type TEvalSetRecord } from "@/lib/server/eval-sets/require-eval-set";
import type { TCaller } from "./get-caller";
import { requireProjectRole, type TProjectAccess } from "./project-access";

/** What passing a rule hands the handler: the caller's standing, and the eval set it was checked on. */
export type TGrantOf<R extends TAccessRule> = R extends { scope: "project" }
  ? { access: TProjectAccess }
  : R extends { scope: "eval-set" }
    ? { access: TProjectAccess; evalSet: TEvalSetRecord }
    : Record<never, never>;

/**
 * Applies an access rule to a caller, before any handler runs. Outside the project the answer is
 * 404 (nothing is learned); inside it without the role, 403.
 */
export async function enforceAccess(
  rule: TAccessRule,
  caller: TCaller | null,
  params: Record<string, unknown>,
): Promise<{ access?: TProjectAccess; evalSet?: TEvalSetRecord }> {
  if (rule.scope === "anyone") return {};
  if (!caller) throw unauthorized();
  switch (rule.scope) {
    case "signed-in":
    case "queue":
      return {};
    case "admin":
      if (!caller.isAdmin) throw forbidden("Only admins can do this.");
      return {};
    case "project":
      return { access: await requireProjectRole(caller, String(params.id), rule.roles) };
    case "eval-set":
      return requireEvalSet(caller, String(params.id), rule.roles);
  }
}
