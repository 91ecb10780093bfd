import { Stat } from "@/components/ui/stat";
import type { TEvalSetPreview } from "@/lib/schemas/eval-sets";
import { formatPercent, formatValue } from "./format-value";
import { LabelDistribution } from "./label-distribution";

/** What a freeze would take now, before anything is frozen. */
export function PreviewPanel({
  preview,
  titles,
}: {
  preview: TEvalSetPreview;
  titles: Record<string, string>;
}) {
  return (
    <section aria-label="Preview" className="space-y-4">
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label="Items a freeze would take" value={preview.items} />
        <Stat label="Matching before sampling" value={preview.candidates} />
        <Stat label="Annotations on them" value={preview.annotations} />
        <Stat
          label="Percent agreement"
          value={Object.values(preview.agreement)
            .map((a) => formatPercent(a.value))
            .join(" · ")}
          hint={Object.keys(preview.agreement)
            .map((k) => titles[k] ?? k)
            .join(" · ")}
        />
      </dl>
      <LabelDistribution distribution={preview.labelDistribution} titles={titles} />
      {preview.examples.length > 0 ? (
        <div>
          <h4 className="mb-1 text-sm font-semibold text-slate-800">First items</h4>
          <ul className="divide-y divide-slate-100 text-sm">
            {preview.examples.map((e) => (
              <li key={e.itemId} className="flex gap-3 py-1">
                <span className="w-16 shrink-0 font-mono text-slate-600">#{e.itemId}</span>
                <span className="line-clamp-1 flex-1 text-slate-800">{e.preview}</span>
                <span className="shrink-0 text-slate-700">
                  {Object.values(e.labels).map(formatValue).join(" · ")}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
