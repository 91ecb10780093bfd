"use client";

import type { KeyboardEvent, MouseEvent } from "react";
import { useCallback, useEffect, useEffectEvent, useId, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { TSpansSpec } from "@/lib/label-definitions/definition-spec";
import { MAX_SPANS_PER_VALUE } from "@/lib/label-definitions/label-limits";
import type { TSpan } from "@/lib/label-definitions/value-schema";
import type { TLabelControlProps } from "./control-types";
import { ControlFrame, suggestionHint } from "./control-frame";
import { SpanChips, SpanLegend } from "./span-list";
import { LANE_PX, SpanText } from "./span-text";
import { trimRange } from "./text-navigation";
import { hotkeyFromEvent, useHotkeys } from "./use-hotkeys";
import { useSpanDrawing } from "./use-span-drawing";
import { useTextSelection } from "./use-text-selection";

/** Wait this long after a click on a span before removing it: a double click selects a word instead. */
const CLICK_REMOVE_DELAY_MS = 300;

type TStatus = { message: string; undo?: { span: TSpan; index: number } };

/** The shortest span among `indexes` (the most specific one where spans nest). */
function shortest(spans: readonly TSpan[], indexes: readonly number[]): number | undefined {
  return [...indexes].sort((x, y) => spans[x].end - spans[x].start - (spans[y].end - spans[y].start))[0];
}

function describeRange(text: string, range: { start: number; end: number }): string {
  const slice = text.slice(range.start, range.end);
  const shown = slice.length > 60 ? `${slice.slice(0, 59)}…` : slice;
  return `“${shown}” (characters ${range.start}–${range.end})`;
}

/**
 * Marks labelled spans of the item's text field. Select text with the mouse, or focus the text and
 * use Shift+arrows, then press a label's hotkey (or click the label). Clicking a span, its tag or
 * its chip removes it; Delete/Backspace removes the span at the caret.
 */
export function SpansControl({
  spec,
  value,
  onChange,
  item,
  suggestion,
  isActive = false,
}: TLabelControlProps<TSpansSpec, TSpan[]>) {
  const raw = item.data[spec.textField];
  const text = typeof raw === "string" ? raw : null;
  const spans = useMemo(() => value ?? [], [value]);
  const { segments, lanes, laneCount, titleOf, colorOf } = useSpanDrawing(text, spans, spec.options);

  const rootRef = useRef<HTMLDivElement>(null);
  const caretRef = useRef<HTMLSpanElement>(null);
  const helpId = useId();
  const [status, setStatus] = useState<TStatus | null>(null);
  const { selection, select, handleKeyDown, onFocus, onBlur } = useTextSelection(
    rootRef,
    caretRef,
    text,
    segments,
  );

  const [pendingRemoval, setPendingRemoval] = useState<TSpan | null>(null);
  const quote = useCallback(
    (span: TSpan) => `${titleOf(span.label)} “${text?.slice(span.start, span.end) ?? ""}”`,
    [text, titleOf],
  );

  function labelSelection(label: string) {
    if (text === null) return;
    const range = selection ? trimRange(text, selection.anchor, selection.focus) : null;
    if (!range) {
      setStatus({ message: "Select some text first, then press a label’s key." });
      return;
    }
    const span: TSpan = { ...range, label };
    if (spans.some((s) => s.start === span.start && s.end === span.end && s.label === label)) {
      setStatus({ message: `${quote(span)} is already marked.` });
      return;
    }
    if (spans.length >= MAX_SPANS_PER_VALUE) {
      setStatus({ message: `At most ${MAX_SPANS_PER_VALUE} spans can be marked.` });
      return;
    }
    onChange([...spans, span]);
    setStatus({ message: `Marked ${quote(span)}.` });
    // Keep a caret at the span's end so keyboard users can carry on from there.
    select({ anchor: span.end, focus: span.end });
  }

  function removeSpan(index: number) {
    const span = spans[index];
    if (!span) return;
    onChange(spans.filter((_, i) => i !== index));
    setStatus({ message: `Removed ${quote(span)}.`, undo: { span, index } });
  }

  function undoRemove(undo: { span: TSpan; index: number }) {
    const next = [...spans];
    next.splice(Math.min(undo.index, next.length), 0, undo.span);
    onChange(next);
    setStatus({ message: `Restored ${quote(undo.span)}.` });
  }

  const firePendingRemoval = useEffectEvent((span: TSpan) => {
    setPendingRemoval(null);
    // A drag or a double click made a selection: the user is selecting text, not removing.
    if (document.getSelection()?.isCollapsed === false) return;
    const index = spans.findIndex(
      (s) => s.start === span.start && s.end === span.end && s.label === span.label,
    );
    if (index !== -1) removeSpan(index);
  });

  useEffect(() => {
    if (pendingRemoval === null) return;
    const timer = setTimeout(() => firePendingRemoval(pendingRemoval), CLICK_REMOVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [pendingRemoval]);

  function labelForKey(key: string): string | null {
    return spec.options.find((o) => o.hotkey === key)?.key ?? null;
  }

  useHotkeys(
    (key) => {
      const label = labelForKey(key);
      if (label === null) return false;
      labelSelection(label);
      return true;
    },
    isActive && text !== null,
  );

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (handleKeyDown(event)) {
      event.preventDefault();
      return;
    }
    if ((event.key === "Delete" || event.key === "Backspace") && selection !== null) {
      const at = Math.min(selection.anchor, selection.focus);
      const covering = spans.flatMap((s, i) => (s.start <= at && at < s.end ? [i] : []));
      const index = shortest(spans, covering);
      if (index !== undefined) removeSpan(index);
      event.preventDefault();
      return;
    }
    // Focus in the text is intent enough: its label keys work even when another definition owns the page's keys.
    const key = hotkeyFromEvent(event.nativeEvent);
    const label = key === null ? null : labelForKey(key);
    if (label !== null) {
      labelSelection(label);
      event.preventDefault();
    }
  }

  function onClick(event: MouseEvent<HTMLDivElement>) {
    if (event.detail > 1 || document.getSelection()?.isCollapsed === false) {
      setPendingRemoval(null);
      return;
    }
    const target = event.target as HTMLElement;
    const tag = target.closest<HTMLElement>("[data-span]");
    const segment = target.closest<HTMLElement>("[data-cover]");
    if (!tag && !segment) return;
    const index = tag
      ? Number(tag.dataset.span)
      : shortest(spans, (segment?.dataset.cover ?? "").split(" ").map(Number));
    const span = index === undefined ? undefined : spans[index];
    if (span) setPendingRemoval(span);
  }

  const accept = (suggested: TSpan[]) => {
    const known = new Set(spec.options.map((o) => o.key));
    onChange(suggested.filter((s) => known.has(s.label) && text !== null && s.end <= text.length));
  };
  const hint = suggestionHint(spec, value, suggestion, accept, text ?? undefined);
  const range = text !== null && selection ? trimRange(text, selection.anchor, selection.focus) : null;

  return (
    <ControlFrame
      spec={spec}
      isActive={isActive}
      onClear={spans.length === 0 ? undefined : () => onChange([])}
      suggestion={hint}
    >
      {text === null ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-slate-800">
          This item has no text in the field “{spec.textField}”, so no spans can be marked.
        </p>
      ) : (
        <>
          <SpanLegend options={spec.options} colorOf={colorOf} onLabel={labelSelection} />
          <div
            ref={rootRef}
            role="textbox"
            aria-readonly="true"
            aria-multiline="true"
            aria-label={`Text for ${spec.title}`}
            aria-describedby={helpId}
            tabIndex={0}
            onKeyDown={onKeyDown}
            onClick={onClick}
            onFocus={onFocus}
            onBlur={onBlur}
            className="relative max-h-96 overflow-y-auto rounded-md border border-slate-200 bg-white px-3 py-2 text-[0.95rem] break-words whitespace-pre-wrap text-slate-900"
            style={{ lineHeight: `calc(1.8em + ${laneCount * LANE_PX}px)` }}
          >
            <span
              ref={caretRef}
              aria-hidden="true"
              className="pointer-events-none absolute w-0.5 bg-slate-900 motion-safe:animate-pulse"
            />
            <SpanText
              segments={segments}
              spans={spans}
              lanes={lanes}
              laneCount={laneCount}
              titleOf={titleOf}
              colorOf={colorOf}
            />
          </div>
          <p id={helpId} className="text-xs text-slate-600">
            Select text with the mouse, or focus the text and use Shift+arrow keys (Ctrl/Alt for whole words),
            then press a label’s key. Click a span or its chip to remove it; Delete removes the span at the
            caret.
          </p>
          <div
            aria-live="polite"
            className="flex min-h-5 flex-wrap items-center gap-2 text-xs text-slate-700"
          >
            <span>
              {range ? `Selected ${describeRange(text, range)}.` : null}
              {status?.message}
            </span>
            {status?.undo ? (
              <Button
                variant="ghost"
                className="px-2 py-0.5 text-xs shadow-none"
                onClick={() => status.undo && undoRemove(status.undo)}
              >
                Undo
              </Button>
            ) : null}
          </div>
          <SpanChips text={text} spans={spans} titleOf={titleOf} colorOf={colorOf} onRemove={removeSpan} />
        </>
      )}
    </ControlFrame>
  );
}
