import { memo } from "react";
import { Guidelines } from "@/components/label-definitions/guidelines";
import type { TServedDefinition } from "@/lib/client/queue/queue-api";

/**
 * The guidelines of the definition versions the item was served with, one section per definition
 * that has any; the active definition's section is marked.
 */
export const GuidelinesPanel = memo(function GuidelinesPanel({
  definitions,
  activeKey,
}: {
  definitions: readonly TServedDefinition[];
  activeKey: string | null;
}) {
  const written = definitions.filter((d) => d.guidelines.trim() !== "");
  if (written.length === 0) {
    return <p className="text-sm text-slate-600">No guidelines were written for these questions.</p>;
  }
  return (
    <div className="space-y-3">
      {written.map((d) => {
        const isActive = d.key === activeKey;
        return (
          <section
            key={d.key}
            aria-labelledby={`guidelines-${d.key}`}
            className={`rounded-md border px-3 py-3 ${isActive ? "border-indigo-300 bg-indigo-50/60" : "border-slate-200 bg-white"}`}
          >
            <div className="mb-2 flex items-center gap-2">
              <h3 id={`guidelines-${d.key}`} className="text-sm font-semibold text-slate-900">
                {d.title}
              </h3>
              <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-slate-700">
                v{d.version}
              </span>
              {isActive ? (
                <span className="ml-auto text-xs font-medium text-indigo-800">Answering now</span>
              ) : null}
            </div>
            <Guidelines markdown={d.guidelines} baseHeadingLevel={4} />
          </section>
        );
      })}
    </div>
  );
});
