"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { allows, type TAccessRule, type TRole } from "@/lib/policies/access-rule";
import { agreementPolicy } from "@/lib/policies/agreement";
import { campaignPolicy } from "@/lib/policies/campaigns";
import { itemFlagPolicy } from "@/lib/policies/item-flags";
import { auditPolicy } from "@/lib/policies/audit";
import { evalSetPolicy } from "@/lib/policies/eval-sets";
import { finalLabelPolicy } from "@/lib/policies/final-labels";
import { itemPolicy } from "@/lib/policies/items";
import { labelDefinitionPolicy } from "@/lib/policies/label-definitions";
import { projectPolicy } from "@/lib/policies/projects";
import { queuePolicy } from "@/lib/policies/queue";

type TTab = { href: string; label: string; rule: TAccessRule | null };

/** Each tab shows when its page's own policy rule lets the role in. */
export function ProjectNav({ projectId, role }: { projectId: string; role: TRole }) {
  const pathname = usePathname();
  const base = `/projects/${projectId}`;
  const tabs: TTab[] = [
    { href: base, label: "Overview", rule: null },
    { href: `${base}/queue`, label: "Label", rule: queuePolicy.claim },
    { href: `${base}/label-definitions`, label: "Label definitions", rule: labelDefinitionPolicy.edit },
    { href: `${base}/import`, label: "Import", rule: itemPolicy.import },
    { href: `${base}/items`, label: "Items", rule: itemPolicy.list },
    { href: `${base}/members`, label: "Members", rule: projectPolicy.listMembers },
    { href: `${base}/settings`, label: "Settings", rule: projectPolicy.edit },
    { href: `${base}/agreement`, label: "Agreement", rule: agreementPolicy.overview },
    { href: `${base}/adjudication`, label: "Adjudication", rule: finalLabelPolicy.list },
    { href: `${base}/eval-sets`, label: "Eval sets", rule: evalSetPolicy.list },
    { href: `${base}/campaigns`, label: "Campaigns", rule: campaignPolicy.list },
    { href: `${base}/flags`, label: "Flags", rule: itemFlagPolicy.list },
    { href: `${base}/audit`, label: "Audit", rule: auditPolicy.listProject },
  ].filter((tab) => tab.rule === null || allows(tab.rule, role));
  return (
    // One line at 1280 px with every tab a lead sees (tighter padding than the header's links); on
    // narrower screens the row scrolls instead of wrapping, and focusing a tab scrolls it into view.
    <nav
      aria-label="Project"
      className="mb-6 flex gap-0.5 overflow-x-auto border-b border-slate-200 whitespace-nowrap"
    >
      {tabs.map((tab) => {
        const isCurrent = tab.href === base ? pathname === base : pathname.startsWith(tab.href);
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={isCurrent ? "page" : undefined}
            className={`shrink-0 border-b-2 px-2 py-2 text-sm font-medium ${
              isCurrent
                ? "border-indigo-600 text-indigo-700"
                : "border-transparent text-slate-700 hover:border-slate-300"
            }`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
