import type { z } from "zod";
import type { ApiError } from "@/lib/client/api-error";
import type { ZImportResult } from "@/lib/schemas/items";
import { countNoun } from "@/lib/text/count-noun";

export type TImportResult = z.infer<typeof ZImportResult>;

export function ImportResultView({
  result,
  error,
}: {
  result: TImportResult | null;
  error: ApiError | null;
}) {
  if (result) {
    return (
      <div
        role="status"
        className="rounded-md border border-green-300 bg-green-50 p-4 text-sm text-green-900"
      >
        <p className="font-medium">Imported {countNoun(result.imported, "item")}.</p>
        {result.duplicates > 0 ? (
          <p className="mt-1">
            Skipped {result.duplicates.toLocaleString("en-US")} duplicates ({result.duplicatesInFile} repeated
            in the file, {result.duplicatesInProject} already in the project).
          </p>
        ) : null}
      </div>
    );
  }
  if (!error) return null;
  const errors = error.problem.errors ?? [];
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900">
      <p className="font-medium">{error.message}</p>
      {errors.length > 0 ? (
        <ul className="mt-2 max-h-64 list-disc space-y-0.5 overflow-y-auto pl-5 font-mono text-xs">
          {errors.map((e, i) => (
            <li key={i}>
              {e.message}
              {e.path && e.path !== "(record)" ? ` [${e.path}]` : ""}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
