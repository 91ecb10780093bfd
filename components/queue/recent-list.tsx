"use client";

import { useRecentSubmissions } from "@/lib/client/queue/queue-hooks";

const SHOWN = 5;

function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/** The annotator's own latest submissions; choosing one opens it to change the answer. */
export function RecentList({
  projectId,
  reviewIndex,
  onOpen,
}: {
  projectId: string;
  /** Which of them is on screen (0: the newest), or null. */
  reviewIndex: number | null;
  onOpen: (index: number) => void;
}) {
  const { data } = useRecentSubmissions(projectId);
  if (!data || data.length === 0) return null;
  return (
    <section aria-labelledby="recent-title" className="space-y-2">
      <h2 id="recent-title" className="text-sm font-semibold text-slate-900">
        Your recent items
      </h2>
      <ol className="space-y-1">
        {data.slice(0, SHOWN).map((entry, index) => {
          const isOpen = index === reviewIndex;
          return (
            <li key={entry.assignmentId}>
              <button
                type="button"
                onClick={() => onOpen(index)}
                aria-current={isOpen ? "true" : undefined}
                className={`flex w-full items-baseline gap-2 rounded-md px-2 py-1.5 text-left text-sm ${
                  isOpen
                    ? "bg-indigo-50 text-indigo-900 ring-1 ring-indigo-200"
                    : "text-slate-800 hover:bg-slate-100"
                }`}
              >
                <span className="shrink-0 font-medium">{entry.externalId ?? `#${entry.itemId}`}</span>
                <span className="min-w-0 flex-1 truncate text-slate-600">{entry.preview}</span>
                <span className="shrink-0 text-xs text-slate-600 tabular-nums">
                  {clock(entry.submittedAt)}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
