import type { TNewVersionImpact } from "@/lib/label-definitions/new-version-impact";
import { countNoun } from "@/lib/text/count-noun";

/**
 * Shown above the save button when the draft breaks answers given under the current version: what
 * saving it leaves behind, so a lead weighs it before, not after (a relabel campaign takes it up).
 */
export function NewVersionImpactNotice({ impact }: { impact: TNewVersionImpact }) {
  const next = impact.currentVersion + 1;
  return (
    <section
      aria-label="Impact of this version"
      className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
    >
      <h3 className="font-semibold">Saving this breaking change as v{next} makes stale:</h3>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          {countNoun(impact.labels, "label")} on {countNoun(impact.items, "item")}, made under{" "}
          {impact.versions.length === 0
            ? "no version yet"
            : impact.versions.length === 1
              ? `v${impact.versions[0].version}`
              : impact.versions
                  .map(
                    (v) => `v${v.version} (${countNoun(v.labels, "label")}, ${countNoun(v.items, "item")})`,
                  )
                  .join(", ")}
          ; they keep their values until a relabel campaign asks again.
        </li>
        <li>
          {countNoun(impact.evalSets, "frozen eval set")} ({countNoun(impact.evalSetVersions, "version")})
          built on v{impact.currentVersion}.
        </li>
      </ul>
    </section>
  );
}
