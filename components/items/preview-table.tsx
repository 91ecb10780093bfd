import type { TFilePreview } from "@/lib/client/preview-file";

/** The first records of the file as they are, one column per top-level field. */
export function PreviewTable({ preview }: { preview: TFilePreview }) {
  // With records read before it, a broken one is the import's to report, line by line: a warning.
  const problem = !preview.error ? null : preview.records.length === 0 ? (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      Could not read the start of the file: {preview.error}
    </p>
  ) : (
    <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950">
      A record at the start of the file is broken ({preview.error}). The import names every bad line; skip bad
      records to import the others.
    </p>
  );
  if (preview.records.length === 0) return problem;
  return (
    <div className="space-y-2">
      {problem}
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className="min-w-full text-sm">
          <caption className="px-3 py-2 text-left text-sm font-medium text-slate-800">
            First {preview.records.length} records{preview.isGzip ? " (decompressed from gzip)" : ""}
          </caption>
          <thead className="bg-slate-50">
            <tr>
              {preview.fields.map((f) => (
                <th
                  key={f}
                  scope="col"
                  className="px-3 py-2 text-left font-mono font-semibold text-slate-700"
                >
                  {f}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {preview.records.map((r, i) => (
              <tr key={i}>
                {preview.fields.map((f) => (
                  <td key={f} className="max-w-xs truncate px-3 py-2 text-slate-800">
                    {typeof r[f] === "string" ? (r[f] as string) : JSON.stringify(r[f] ?? "")}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
