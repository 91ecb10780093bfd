"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

type TTab = { href: string; label: string };

export function ProjectNav({ projectId, role }: { projectId: string; role: string }) {
  const pathname = usePathname();
  const base = `/projects/${projectId}`;
  const isManager = role === "admin" || role === "lead";
  const canLabel = role === "annotator" || role === "lead";
  const tabs: TTab[] = [
    { href: base, label: "Overview" },
    ...(canLabel ? [{ href: `${base}/label`, label: "Label" }] : []),
    ...(isManager
      ? [
          { href: `${base}/definitions`, label: "Label definitions" },
          { href: `${base}/import`, label: "Import" },
          { href: `${base}/items`, label: "Items" },
          { href: `${base}/members`, label: "Members" },
          { href: `${base}/settings`, label: "Settings" },
        ]
      : []),
    ...(isManager || role === "engineer" ? [{ href: `${base}/agreement`, label: "Agreement" }] : []),
    ...(isManager ? [{ href: `${base}/adjudication`, label: "Adjudication" }] : []),
    ...(isManager || role === "engineer" ? [{ href: `${base}/eval-sets`, label: "Eval sets" }] : []),
  ];
  return (
    <nav aria-label="Project" className="mb-6 flex flex-wrap gap-1 border-b border-slate-200">
      {tabs.map((tab) => {
        const isCurrent = tab.href === base ? pathname === base : pathname.startsWith(tab.href);
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={isCurrent ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
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
