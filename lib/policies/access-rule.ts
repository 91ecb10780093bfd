/**
 * Who may do one operation. Pure data, so the API registry, the pages and the navigation all ask
 * the same rule (docs/decisions/007-route-registry-and-access-policies.md); docs/access.md is
 * generated from these rules.
 */
export type TProjectRole = "lead" | "annotator" | "engineer";
/** A caller's standing in a project, as the access check answers it. */
export type TRole = TProjectRole | "admin";

export type TAccessRule =
  /** No sign-in needed (health, the OpenAPI document, exchanging a password for a token). */
  | { scope: "anyone"; note: string }
  /** Any signed-in user; the use case answers only with what is the caller's own. */
  | { scope: "signed-in"; note: string }
  | { scope: "admin" }
  /** One of `roles` in the project named by the path's `id`; admins pass everywhere. */
  | { scope: "project"; roles: readonly TProjectRole[] }
  /** The same, in the project of the eval set named by the path's `id`. */
  | { scope: "eval-set"; roles: readonly TProjectRole[] }
  /**
   * Checked by the queue's SQL functions in the same round trip as the work (the hot path), so the
   * registry only requires sign-in. `roles` documents what those functions allow.
   */
  | { scope: "queue"; roles: readonly TProjectRole[]; note: string };

export const anyone = (note: string) => ({ scope: "anyone", note }) as const satisfies TAccessRule;
export const signedIn = (note: string) => ({ scope: "signed-in", note }) as const satisfies TAccessRule;
export const adminOnly = () => ({ scope: "admin" }) as const satisfies TAccessRule;
export const projectRoles = (...roles: TProjectRole[]) =>
  ({ scope: "project", roles }) as const satisfies TAccessRule;
export const evalSetRoles = (...roles: TProjectRole[]) =>
  ({ scope: "eval-set", roles }) as const satisfies TAccessRule;
export const queueRoles = (note: string, ...roles: TProjectRole[]) =>
  ({ scope: "queue", roles, note }) as const satisfies TAccessRule;

/** Whether someone with `role` in the project (null: signed in, not a member) may do it. */
export function allows(rule: TAccessRule, role: TRole | null, isSignedIn = true): boolean {
  switch (rule.scope) {
    case "anyone":
      return true;
    case "signed-in":
      return isSignedIn;
    case "admin":
      return role === "admin";
    case "project":
    case "eval-set":
      return role === "admin" || (role !== null && rule.roles.includes(role));
    case "queue":
      return role !== null && role !== "admin" && rule.roles.includes(role);
  }
}
