"use client";

import { memo } from "react";
import { useQueueProgress } from "@/lib/client/queue/queue-hooks";

function format(n: number | undefined): string {
  return n === undefined ? "–" : n.toLocaleString("en-US");
}

/** The annotator's own counts and the items still open in the project. */
export const ProgressSummary = memo(function ProgressSummary({ projectId }: { projectId: string }) {
  const { data } = useQueueProgress(projectId);
  const stats = [
    { label: "Done today", value: data?.doneToday },
    { label: "Done in project", value: data?.doneTotal },
    {
      label: "Left in project",
      value: data?.remaining,
      hint: "Items still waiting for an annotator (anyone)",
    },
  ];
  return (
    <div role="group" aria-label="Your progress">
      <dl className="flex items-stretch divide-x divide-slate-200 text-center">
        {stats.map((stat) => (
          <div key={stat.label} className="px-4 first:pl-0 last:pr-0" title={stat.hint}>
            <dt className="text-xs font-medium text-slate-600">{stat.label}</dt>
            <dd className="text-lg leading-6 font-semibold text-slate-900 tabular-nums">
              {format(stat.value)}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
});
