import type { TAccessRule } from "./access-rule";

/** A rule in words, for the OpenAPI document and docs/access.md. */
export function describeRule(rule: TAccessRule): string {
  switch (rule.scope) {
    case "anyone":
      return `anyone, no sign-in (${rule.note})`;
    case "signed-in":
      return `any signed-in user: ${rule.note}`;
    case "admin":
      return "admins";
    case "project":
      return `${rule.roles.join(", ")} in the project; admins`;
    case "eval-set":
      return `${rule.roles.join(", ")} in the eval set's project; admins`;
    case "queue":
      return `${rule.roles.join(", ")} in the project (${rule.note}; checked by the queue's SQL functions)`;
  }
}
