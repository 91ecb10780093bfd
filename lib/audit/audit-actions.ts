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

/** What a lead reads for each action; typed by the list, so a new action cannot go unnamed. */
export const AUDIT_ACTION_LABELS: Record<TAuditAction, string> = {
  "definition.created": "Label definition created",
  "definition.version_created": "Label definition version created",
  "items.imported": "Items imported",
  "member.added": "Member added",
  "member.role_changed": "Member's role changed",
  "adjudication.recorded": "Adjudication recorded",
  "eval_set.created": "Eval set created",
  "eval_set.updated": "Eval set updated",
  "eval_set.frozen": "Eval set version frozen",
  "eval_set.gate_overridden": "Release gate overridden",
  "campaign.created": "Campaign created",
  "campaign.updated": "Campaign updated",
  "campaign.completed": "Campaign completed",
  "item_flag.raised": "Item flagged",
  "item_flag.answered": "Item flag answered",
  "token.created": "API token created",
  "token.revoked": "API token revoked",
  "user.created": "User created",
  "user.password_reset": "Password reset",
  "webhook.created": "Webhook created",
  "webhook.deleted": "Webhook deleted",
};

/** The label of a recorded action; an action no longer in the list (older rows) shows as recorded. */
export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}

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
