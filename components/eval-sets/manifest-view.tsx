import { Stat } from "@/components/ui/stat";
import type { TManifestDefinition } from "@/lib/eval-sets/manifest";
import { formatPercent } from "./format-value";
import { LabelDistribution } from "./label-distribution";
import { countNoun } from "@/lib/text/count-noun";

type TManifest = {
  counts?: { items: number; candidates: number; annotations: number };
  labelDistribution?: Record<string, Record<string, number>>;
  agreement?: Record<string, { value: number | null; itemsCompared: number }>;
  finalLabelSources?: Record<
    string,
    { rule: number; adjudication: number; unresolved: number; gold: number }
  >;
  definitions?: TManifestDefinition[];
  filter?: unknown;
};

/** A frozen version's manifest: counts, label distribution, agreement, definitions and their hashes. */
export function ManifestView({ manifest }: { manifest: Record<string, unknown> }) {
  const m = manifest as TManifest;
  const definitions = m.definitions ?? [];
  const titles = Object.fromEntries(definitions.map((d) => [d.key, d.title]));
  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-3">
        <Stat label="Items" value={m.counts?.items ?? 0} />
        <Stat label="Matched before sampling" value={m.counts?.candidates ?? 0} />
        <Stat label="Annotations" value={m.counts?.annotations ?? 0} />
      </dl>
      <section aria-label="Label distribution">
        <h3 className="mb-2 text-sm font-semibold text-slate-800">Label distribution</h3>
        <LabelDistribution distribution={m.labelDistribution ?? {}} titles={titles} />
      </section>
      <section aria-label="Definitions">
        <h3 className="mb-2 text-sm font-semibold text-slate-800">Definitions, agreement and provenance</h3>
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Definitions of the frozen version</caption>
            <thead>
              <tr className="text-left text-slate-700">
                {[
                  "Definition",
                  "Rule",
                  "Percent agreement",
                  "Final labels",
                  "Versions and guidelines sha256",
                ].map((h) => (
                  <th key={h} scope="col" className="px-2 py-2 font-semibold">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {definitions.map((d) => {
                const agreement = m.agreement?.[d.key];
                const sources = m.finalLabelSources?.[d.key];
                return (
                  <tr key={d.key}>
                    <td className="px-2 py-2">
                      <span className="font-medium text-slate-900">{d.title}</span>
                      <span className="block text-xs text-slate-600">
                        {d.key} · {d.kind.replace("_", " ")}
                        {d.required ? "" : " · optional"}
                      </span>
                    </td>
                    <td className="px-2 py-2 text-slate-800">{d.rule}</td>
                    <td className="px-2 py-2 tabular-nums">
                      {formatPercent(agreement?.value)}
                      <span className="block text-xs text-slate-600">
                        over {countNoun(agreement?.itemsCompared ?? 0, "item")}
                      </span>
                    </td>
                    <td className="px-2 py-2 text-slate-800">
                      {sources
                        ? `${sources.rule} by rule, ${sources.adjudication} decided${
                            sources.gold ? ` (${sources.gold} gold)` : ""
                          }${sources.unresolved ? `, ${sources.unresolved} empty` : ""}`
                        : "—"}
                    </td>
                    <td className="px-2 py-2">
                      <ul className="space-y-1">
                        {d.versions.map((v) => (
                          <li key={v.version} className="text-xs">
                            v{v.version}
                            {v.version === d.currentVersion ? " (current)" : ""}:{" "}
                            <code className="break-all text-slate-700">{v.guidelinesHash}</code>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-700">The whole manifest (JSON)</summary>
        <pre className="mt-2 max-h-96 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
          {JSON.stringify(manifest, null, 2)}
        </pre>
      </details>
    </div>
  );
}
