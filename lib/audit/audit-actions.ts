/**
 * The actions the audit trail records, by the field's words. One list, so the API's filter, the
 * page's select and the writers agree on the names.
 */
export const AUDIT_ACTIONS = [
  "definition.created",
  "definition.version_created",
  "items.imported",
  "member.added",
  "member.role_changed",
  "adjudication.recorded",
  "eval_set.created",
  "eval_set.updated",
  "eval_set.frozen",
  "eval_set.gate_overridden",
  "campaign.created",
  "campaign.updated",
  "campaign.completed",
  "item_flag.raised",
  "item_flag.answered",
  "token.created",
  "token.revoked",
  "user.created",
  "user.password_reset",
  "webhook.created",
  "webhook.deleted",
] as const;
export type TAuditAction = (typeof AUDIT_ACTIONS)[number];

// Keys whose values are credentials. Details are shown to every lead of the project, forever.
const SECRET_KEY = /^(password|passwordHash|secret|token|tokenHash|authorization)$/i;

/**
 * Throws when `details` carries a credential under any key, at any depth: a guard for the code
 * that writes details (they are ours), not for user text (a label value is never checked).
 */
export function assertNoSecrets(details: unknown, path = "details"): void {
  if (Array.isArray(details)) {
    details.forEach((value, i) => assertNoSecrets(value, `${path}[${i}]`));
  } else if (details && typeof details === "object") {
    for (const [key, value] of Object.entries(details)) {
      if (SECRET_KEY.test(key))
        throw new Error(`audit ${path}.${key}: credentials never go in the audit trail`);
      assertNoSecrets(value, `${path}.${key}`);
    }
  }
}
