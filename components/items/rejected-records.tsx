"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { readFileLines } from "@/lib/client/read-file-text";
import { rejectedLines, rejectRows, rejectsJsonl, type TSkippedRecord } from "@/lib/client/rejects-file";

/**
 * The records an `onInvalid=skip` import left out, each problem with its line and field, and a
 * download of them as JSONL built in the browser. For line-based files (JSONL) it quotes each
 * rejected record from the file, so the lead can fix them and import them again.
 */
export function RejectedRecords({
  skipped,
  skippedCount,
  file,
  isLineBased,
}: {
  skipped: readonly TSkippedRecord[];
  skippedCount: number;
  file: File;
  isLineBased: boolean;
}) {
  const [isPreparing, setIsPreparing] = useState(false);
  const rows = rejectRows(skipped);

  async function download() {
    setIsPreparing(true);
    try {
      const lines = isLineBased
        ? await readFileLines(file, rejectedLines(skipped))
        : new Map<number, string>();
      const blob = new Blob([rejectsJsonl(skipped, lines)], { type: "application/x-ndjson" });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = `${file.name.replace(/(\.gz)?$/i, "").replace(/\.[^.]+$/, "")}.rejects.jsonl`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } finally {
      setIsPreparing(false);
    }
  }

  return (
    <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
      <p className="font-medium">
        Skipped {skippedCount.toLocaleString("en-US")} bad record{skippedCount === 1 ? "" : "s"}
        {skippedCount > skipped.length
          ? ` (the first ${skipped.length.toLocaleString("en-US")} are listed)`
          : ""}
        :
      </p>
      <ul
        aria-label="Rejected records"
        className="mt-2 max-h-64 space-y-0.5 overflow-y-auto font-mono text-xs"
      >
        {rows.map((r, i) => (
          <li key={i}>
            line {r.line} · {r.path} · {r.message}
          </li>
        ))}
      </ul>
      <Button className="mt-3" variant="secondary" onClick={() => void download()} disabled={isPreparing}>
        {isPreparing ? "Preparing…" : "Download the rejects (JSONL)"}
      </Button>
    </div>
  );
}
