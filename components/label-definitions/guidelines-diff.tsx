"use client";

import { useState } from "react";
import type { TLineDiffEntry } from "@/lib/label-definitions/line-diff";
import { collapseUnchanged } from "./collapse-lines";

const LINE_STYLES: Record<TLineDiffEntry["type"], { row: string; sign: string; sr: string }> = {
  add: { row: "bg-green-50 text-green-900", sign: "+", sr: "Added: " },
  del: { row: "bg-red-50 text-red-900", sign: "-", sr: "Removed: " },
  same: { row: "text-slate-600", sign: " ", sr: "" },
};

/** A line diff of the guidelines: + added (green), - removed (red), unchanged runs collapsed. */
export function GuidelinesDiff({ entries }: { entries: readonly TLineDiffEntry[] }) {
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const chunks = collapseUnchanged(entries);
  return (
    <ol
      aria-label="Guidelines changes"
      className="overflow-x-auto rounded-md border border-slate-200 font-mono text-xs"
    >
      {chunks.flatMap((chunk, chunkIndex) => {
        if (chunk.type === "collapsed" && !expanded.has(chunkIndex)) {
          return [
            <li key={`c${chunkIndex}`} className="border-y border-slate-100 bg-slate-50 px-2 py-1">
              <button
                type="button"
                onClick={() => setExpanded(new Set(expanded).add(chunkIndex))}
                className="font-sans text-xs font-medium text-indigo-700 hover:text-indigo-900 hover:underline"
              >
                Show {chunk.entries.length} unchanged lines
              </button>
            </li>,
          ];
        }
        return chunk.entries.map((entry, i) => {
          const style = LINE_STYLES[entry.type];
          return (
            <li key={`${chunkIndex}:${i}`} className={`flex gap-2 px-2 py-0.5 ${style.row}`}>
              <span aria-hidden="true" className="w-3 shrink-0 select-none">
                {style.sign}
              </span>
              <span className="min-h-4 whitespace-pre-wrap break-words">
                {style.sr ? <span className="sr-only">{style.sr}</span> : null}
                {entry.text}
              </span>
            </li>
          );
        });
      })}
    </ol>
  );
}
