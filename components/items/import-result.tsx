import type { z } from "zod";
import type { ApiError } from "@/lib/client/api-error";
import type { ZImportResult } from "@/lib/schemas/items";
import { countNoun } from "@/lib/text/count-noun";
import { RejectedRecords } from "./rejected-records";

export type TImportResult = z.infer<typeof ZImportResult>;

const count = (n: number) => n.toLocaleString("en-US");

export function ImportResultView({
  result,
  error,
  file,
  isLineBased,
}: {
  result: TImportResult | null;
  error: ApiError | null;
  /** The uploaded file, to quote the rejected records from. */
  file: File | null;
  isLineBased: boolean;
}) {
  if (result) {
    return (
      <div
        role="status"
        className="rounded-md border border-green-300 bg-green-50 p-4 text-sm text-green-900"
      >
        <p className="font-medium">Imported {countNoun(result.imported, "item")}.</p>
        {result.annotations > 0 ? (
          <p className="mt-1">Imported {countNoun(result.annotations, "annotation")} with them.</p>
        ) : null}
        {result.duplicates > 0 ? (
          <p className="mt-1">
            Skipped {countNoun(result.duplicates, "duplicate")} ({count(result.duplicatesInFile)} repeated in
            the file, {count(result.duplicatesInProject)} already in the project).
          </p>
        ) : null}
        {result.batchId === null && result.imported === 0 ? (
          <p className="mt-1">Nothing was new, so no batch was made.</p>
        ) : null}
        {result.skippedCount > 0 && file ? (
          <RejectedRecords
            skipped={result.skipped}
            skippedCount={result.skippedCount}
            file={file}
            isLineBased={isLineBased}
          />
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
