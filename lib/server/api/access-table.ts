import "server-only";
import { allows, type TAccessRule, type TRole } from "@/lib/policies/access-rule";
import { ALL_POLICIES } from "@/lib/policies/all-policies";
import { describeRule } from "@/lib/policies/describe-rule";
import type { TRoute } from "./define-route";

const COLUMNS: { header: string; role: TRole | null; isSignedIn: boolean }[] = [
  { header: "admin", role: "admin", isSignedIn: true },
  { header: "lead", role: "lead", isSignedIn: true },
  { header: "engineer", role: "engineer", isSignedIn: true },
  { header: "annotator", role: "annotator", isSignedIn: true },
  { header: "signed in, no role", role: null, isSignedIn: true },
  { header: "not signed in", role: null, isSignedIn: false },
];

/** docs/access.md: every operation of every policy, who may do it, and the endpoints that apply it. */
export function renderAccessTable(routes: readonly TRoute[]): string {
  const lines = [
    "# Who may do what",
    "",
    "Generated from `lib/policies/*.ts` and the route registry by `lib/server/api/access-table.test.ts`",
    "(`npx vitest run lib/server/api/access-table.test.ts -u` rewrites it). The API applies each rule",
    "before the handler runs; pages apply the same rule through `requirePageProject`, and the project's",
    "navigation shows a tab when its page's rule lets the role in. Admins count as members of every",
    "project, except where the queue's SQL functions decide (they are the last line).",
    "",
    `| operation | ${COLUMNS.map((c) => c.header).join(" | ")} | endpoints | rule |`,
    `| --- | ${COLUMNS.map(() => "---").join(" | ")} | --- | --- |`,
  ];
  for (const [domain, policy] of Object.entries(ALL_POLICIES)) {
    for (const [name, rule] of Object.entries(policy) as [string, TAccessRule][]) {
      const cells = COLUMNS.map((c) => (allows(rule, c.role, c.isSignedIn) ? "✓" : "—"));
      const endpoints = routes
        .filter((r) => r.access === rule)
        .map((r) => `\`${r.endpoint.method} ${r.endpoint.path}\``)
        .join("<br>");
      lines.push(
        `| ${domain}.${name} | ${cells.join(" | ")} | ${endpoints || "(in a handler or page)"} | ${describeRule(rule)} |`,
      );
    }
  }
  return lines.join("\n") + "\n";
}
