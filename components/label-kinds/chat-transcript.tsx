"use client";

import { Guidelines } from "@/components/label-definitions/guidelines";
import type { TTurn } from "./conversation";
import { Fold } from "./fold";

const ROLE_STYLES: Record<string, string> = {
  user: "bg-slate-100 border-slate-200",
  human: "bg-slate-100 border-slate-200",
  assistant: "bg-indigo-50 border-indigo-200 sm:ml-8",
  system: "bg-amber-50 border-amber-200",
};

/**
 * A conversation as a chat transcript: one bubble per turn, roles told apart by label, colour and
 * indent; Markdown rendered safely (the guidelines' renderer: no raw HTML, http(s) links only);
 * long turns folded. `highlighted` turns are the ones a definition judges.
 */
export function ChatTranscript({
  turns,
  highlighted = [],
  label = "Conversation",
}: {
  turns: readonly TTurn[];
  highlighted?: readonly number[];
  label?: string;
}) {
  return (
    <ol aria-label={label} className="space-y-2">
      {turns.map((turn, i) => {
        const isJudged = highlighted.includes(i);
        return (
          <li
            key={i}
            data-role={turn.role}
            className={`rounded-lg border px-3 py-2 ${ROLE_STYLES[turn.role] ?? "border-slate-200 bg-white"} ${
              isJudged ? "ring-2 ring-indigo-600" : ""
            }`}
          >
            <p className="mb-1 text-xs font-semibold tracking-wide text-slate-700 uppercase">
              {turn.role}
              {isJudged ? (
                <span className="ml-2 normal-case text-indigo-800">· judged by this label</span>
              ) : null}
            </p>
            <Fold length={turn.content.length} label={`turn ${i + 1}`}>
              <Guidelines markdown={turn.content} baseHeadingLevel={4} />
            </Fold>
          </li>
        );
      })}
    </ol>
  );
}
