import type { z } from "zod";
import type { ZImportResult } from "@/lib/schemas/items";

export type TSkippedRecord = z.infer<typeof ZImportResult>["skipped"][number];

/** One problem of a skipped record, on the line it is about (a Prodigy answer may be on another line). */
export type TRejectRow = { line: number; path: string; message: string };

export function rejectRows(skipped: readonly TSkippedRecord[]): TRejectRow[] {
  return skipped.flatMap((s) =>
    s.errors.map((e) => ({ line: e.line ?? s.line, path: e.path, message: e.message })),
  );
}

/** The lines of the file the rejects file quotes: where each skipped record starts. */
export function rejectedLines(skipped: readonly TSkippedRecord[]): Set<number> {
  return new Set(skipped.map((s) => s.line));
}

/**
 * The rejects as JSONL, one skipped record a line: `{line, errors, record}` with the record as it was
 * in the file (parsed when the line is JSON, else its text as `source`), so that a lead can fix the
 * records and import them again. `sourceLines` is empty for files whose records are not lines.
 */
export function rejectsJsonl(
  skipped: readonly TSkippedRecord[],
  sourceLines: ReadonlyMap<number, string>,
): string {
  return skipped
    .map((s) => {
      const text = sourceLines.get(s.line);
      const entry: Record<string, unknown> = { line: s.line, errors: s.errors };
      if (text !== undefined) {
        try {
          entry.record = JSON.parse(text) as unknown;
        } catch {
          entry.source = text;
        }
      }
      return `${JSON.stringify(entry)}\n`;
    })
    .join("");
}
