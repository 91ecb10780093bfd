import Link from "next/link";
import type { TVersionLineage } from "@/lib/schemas/eval-sets";
import { countNoun } from "@/lib/text/count-noun";

/**
 * Whether a frozen version is stale, by how much, and the way to a fresh one: freeze again from the
 * set's filter (on the set's page), then compare the two versions (the diff).
 */
export function LineagePanel({
  lineage,
  setHref,
  canFreeze,
}: {
  lineage: TVersionLineage;
  setHref: string;
  canFreeze: boolean;
}) {
  if (!lineage.isStale) {
    return (
      <p className="text-sm text-slate-800">
        Up to date: every definition it carries is at the version it was frozen with, and all {lineage.items}{" "}
        items would get the same final labels today.
      </p>
    );
  }
  return (
    <div className="space-y-2 text-sm text-slate-900">
      <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 font-medium text-amber-950">
        Stale: {lineage.changedItems} of {countNoun(lineage.items, "item")} would get a different final label
        if frozen today{lineage.removedItems > 0 ? `, ${lineage.removedItems} were deleted` : ""}.
      </p>
      <ul className="list-disc space-y-1 pl-5">
        {lineage.newerDefinitions.map((d) => (
          <li key={d.key}>
            “{d.key}” has version {d.currentVersion} now; this version was frozen under version{" "}
            {d.frozenVersion}.
          </li>
        ))}
        {lineage.changedByDefinition
          .filter((d) => d.items > 0)
          .map((d) => (
            <li key={`changed-${d.key}`}>
              “{d.key}”: {d.items} final labels changed since.
            </li>
          ))}
        {lineage.campaigns.map((c) => (
          <li key={c.id}>Relabel campaign “{c.name}” finished since the freeze.</li>
        ))}
      </ul>
      <p>
        {canFreeze ? (
          <>
            <Link className="font-medium text-indigo-700 underline" href={setHref}>
              Freeze a new version from the same filter
            </Link>
            , then see what changed under “Compare versions” there (the diff of the two).
          </>
        ) : (
          "A lead can freeze a new version from the same filter."
        )}
      </p>
    </div>
  );
}
