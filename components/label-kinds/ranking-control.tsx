"use client";

import { useState } from "react";
import type { TRankingSpec } from "@/lib/label-definitions/definition-spec";
import { responsesOf } from "@/lib/label-definitions/feedback-value-schema";
import { ChatTranscript } from "./chat-transcript";
import type { TLabelControlProps } from "./control-types";
import { ControlFrame, suggestionHint } from "./control-frame";
import { asConversation } from "./conversation";
import { FieldText } from "./field-text";
import { Fold } from "./fold";
import { Kbd } from "./option-button";
import { assignRank, clearRank, draftRanks, moveInOrder, orderOf, rankByClick } from "./ranking-edit";
import { useHotkeys } from "./use-hotkeys";

/**
 * K responses to rank, 1 best. Three ways, same result: keyboard alone (arrows move the focus
 * between responses, a digit gives the focused one that rank, 0 or Backspace clears it; with
 * allowTies two responses may share a digit), clicking the responses in order of preference
 * (a second click takes a rank back), or dragging them in the ranked list. The prompt shows once,
 * above; responses sit side by side when the screen is wide and stack when it is narrow.
 */
export function RankingControl({
  spec,
  value,
  onChange,
  item,
  suggestion,
  isActive = false,
}: TLabelControlProps<TRankingSpec, number[]>) {
  const responses = responsesOf(spec, item.data);
  const count = responses?.length ?? 0;
  const ranks = draftRanks(value, count);
  const [focused, setFocused] = useState(0);
  const [dragged, setDragged] = useState<number | null>(null);
  const emit = (next: number[]) => onChange(next.every((r) => r === 0) ? null : next);

  useHotkeys((key) => {
    if (count === 0) return false;
    if (key === "ArrowRight" || key === "ArrowDown") {
      setFocused((f) => Math.min(count - 1, f + 1));
      return true;
    }
    if (key === "ArrowLeft" || key === "ArrowUp") {
      setFocused((f) => Math.max(0, f - 1));
      return true;
    }
    if (key === "0" || key === "Backspace") {
      emit(clearRank(ranks, focused, spec.allowTies));
      return true;
    }
    if (/^[1-9]$/.test(key) && Number(key) <= count) {
      emit(assignRank(ranks, focused, Number(key), spec.allowTies));
      return true;
    }
    return false;
  }, isActive);

  const prompt = spec.promptField === undefined ? undefined : item.data[spec.promptField];
  const conversation = asConversation(prompt);
  return (
    <ControlFrame
      spec={spec}
      isActive={isActive}
      onClear={value === null ? undefined : () => onChange(null)}
      suggestion={suggestionHint(spec, value, suggestion, onChange)}
    >
      {spec.promptField !== undefined ? (
        <section aria-label="Prompt" className="rounded-md bg-slate-50 px-3 py-2">
          <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-700 uppercase">Prompt</h3>
          {conversation ? (
            <ChatTranscript turns={conversation} label="Prompt conversation" />
          ) : (
            <Fold length={typeof prompt === "string" ? prompt.length : 0} label="the prompt">
              <FieldText data={item.data} field={spec.promptField} />
            </Fold>
          )}
        </section>
      ) : null}
      {responses === null ? (
        <p role="alert" className="text-sm text-red-800">
          This item&rsquo;s field &ldquo;{spec.responsesField}&rdquo; is not a list of responses, so it cannot
          be ranked.
        </p>
      ) : (
        <>
          <p className="text-xs text-slate-700">
            Rank 1 is best. Click the responses in order of preference, or use the keyboard: <Kbd>←</Kbd>{" "}
            <Kbd>→</Kbd> choose a response, <Kbd>1</Kbd>–<Kbd>{String(Math.min(count, 9))}</Kbd> give it a
            rank, <Kbd>0</Kbd> clears it.{spec.allowTies ? " Responses may share a rank (a tie)." : ""}
          </p>
          <ol
            aria-label="Responses"
            className={`grid gap-3 ${count <= 2 ? "md:grid-cols-2" : count <= 4 ? "md:grid-cols-2 2xl:grid-cols-4" : "md:grid-cols-2 xl:grid-cols-3"}`}
          >
            {responses.map((text, position) => {
              const rank = ranks[position];
              const isFocused = isActive && focused === position;
              return (
                <li
                  key={position}
                  aria-label={`Response ${position + 1}${rank > 0 ? `, ranked ${rank}` : ", not ranked"}`}
                  data-rank={rank}
                  className={`flex flex-col rounded-lg border bg-white ${
                    isFocused
                      ? "border-indigo-600 ring-2 ring-indigo-600"
                      : rank > 0
                        ? "border-slate-400"
                        : "border-slate-200"
                  }`}
                >
                  <header className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
                    <h3 className="font-semibold text-slate-900">Response {position + 1}</h3>
                    <button
                      type="button"
                      onClick={() => {
                        setFocused(position);
                        emit(rankByClick(ranks, position));
                      }}
                      aria-label={
                        rank > 0 ? `Rank ${rank}: take it back` : `Rank response ${position + 1} next`
                      }
                      className={`rounded-full px-3 py-1 text-sm font-semibold tabular-nums ring-1 ${
                        rank > 0
                          ? "bg-indigo-600 text-white ring-indigo-600 hover:bg-indigo-700"
                          : "bg-white text-slate-800 ring-slate-300 hover:bg-slate-50"
                      }`}
                    >
                      {rank > 0 ? `#${rank}` : "Rank next"}
                    </button>
                  </header>
                  <div className="px-3 py-2" onFocus={() => setFocused(position)}>
                    <Fold length={text.length} label={`response ${position + 1}`}>
                      <p className="text-sm break-words whitespace-pre-wrap text-slate-900">{text}</p>
                    </Fold>
                  </div>
                </li>
              );
            })}
          </ol>
          {ranks.some((r) => r > 0) ? (
            <section aria-label="Ranked order" className="rounded-md bg-slate-50 px-3 py-2">
              <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-700 uppercase">
                Ranked order{spec.allowTies ? "" : " (drag to reorder)"}
              </h3>
              <ol className="space-y-1">
                {orderOf(ranks)
                  .filter((position) => ranks[position] > 0)
                  .map((position, index) => (
                    <li
                      key={position}
                      draggable={!spec.allowTies}
                      onDragStart={() => setDragged(index)}
                      onDragOver={(event) => event.preventDefault()}
                      onDrop={() => {
                        if (dragged !== null && dragged !== index) emit(moveInOrder(ranks, dragged, index));
                        setDragged(null);
                      }}
                      className={`flex items-center gap-2 rounded border border-slate-200 bg-white px-2 py-1 text-sm ${
                        spec.allowTies ? "" : "cursor-grab"
                      }`}
                    >
                      <span className="w-8 font-semibold tabular-nums text-slate-900">
                        #{ranks[position]}
                      </span>
                      <span className="truncate text-slate-800">
                        Response {position + 1}: {responses[position].slice(0, 80)}
                      </span>
                    </li>
                  ))}
              </ol>
            </section>
          ) : null}
        </>
      )}
    </ControlFrame>
  );
}
