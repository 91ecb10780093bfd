"use client";

import type { KeyboardEvent as ReactKeyboardEvent, RefObject } from "react";
import { useCallback, useEffect, useLayoutEffect, useState } from "react";
import { collectSegments, domPointToOffset, offsetToDomPoint } from "./dom-offsets";
import type { TMoveUnit } from "./text-navigation";
import { moveOffset } from "./text-navigation";

/** A selection inside the annotated text, as UTF-16 offsets; `anchor` is where it started. */
export type TTextSelection = { anchor: number; focus: number };

function sameSelection(a: TTextSelection | null, b: TTextSelection | null): boolean {
  return a === b || (a !== null && b !== null && a.anchor === b.anchor && a.focus === b.focus);
}

/** The document's selection in text offsets, clamped to the root; null when it does not touch the root. */
function readSelection(root: HTMLElement, length: number): TTextSelection | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.anchorNode || !selection.focusNode) return null;
  if (!selection.getRangeAt(0).intersectsNode(root)) return null;
  const inside = document.createRange();
  inside.selectNodeContents(root);
  const toOffset = (node: Node, offset: number): number => {
    const position = inside.comparePoint(node, offset);
    if (position < 0) return 0;
    if (position > 0) return length;
    return domPointToOffset(root, node, offset, length) ?? 0;
  };
  return {
    anchor: toOffset(selection.anchorNode, selection.anchorOffset),
    focus: toOffset(selection.focusNode, selection.focusOffset),
  };
}

function writeSelection(root: HTMLElement, target: TTextSelection): void {
  const segments = collectSegments(root);
  const anchor = offsetToDomPoint(segments, target.anchor);
  const focus = offsetToDomPoint(segments, target.focus);
  const selection = document.getSelection();
  if (!anchor || !focus || !selection) return;
  selection.setBaseAndExtent(anchor.node as Node, anchor.offset, focus.node as Node, focus.offset);
}

const NAVIGATION: Record<string, { direction: 1 | -1; unit: TMoveUnit }> = {
  ArrowLeft: { direction: -1, unit: "char" },
  ArrowRight: { direction: 1, unit: "char" },
  Home: { direction: -1, unit: "line" },
  End: { direction: 1, unit: "line" },
};

/**
 * Tracks the selection inside a rendered text (see dom-offsets for the markup it expects), both from
 * the mouse and from the keyboard: a focusable, non-editable element gets no caret from the browser,
 * so arrow keys (with Shift to extend, Ctrl/Alt for words, Home/End, Ctrl+Home/End, Ctrl+A) are
 * handled here and a caret element (`caretRef`) is positioned while the root has focus.
 * `version` must change whenever the rendered segments change, so the selection is put back.
 */
export function useTextSelection(
  rootRef: RefObject<HTMLElement | null>,
  caretRef: RefObject<HTMLElement | null>,
  text: string | null,
  version: unknown,
) {
  const [selection, setSelection] = useState<TTextSelection | null>(null);
  const [hasFocus, setHasFocus] = useState(false);
  const [selectedText, setSelectedText] = useState(text);
  const length = text?.length ?? 0;
  if (selectedText !== text) {
    // Another item: the old offsets mean nothing in the new text.
    setSelectedText(text);
    setSelection(null);
  }

  useEffect(() => {
    if (text === null) return;
    const onSelectionChange = () => {
      const root = rootRef.current;
      if (!root) return;
      const next = readSelection(root, length);
      // A selection elsewhere on the page (e.g. in another control) forgets this one.
      setSelection((prev) => (sameSelection(prev, next) ? prev : next));
    };
    document.addEventListener("selectionchange", onSelectionChange);
    return () => document.removeEventListener("selectionchange", onSelectionChange);
  }, [rootRef, text, length]);

  // After a re-render that replaced text nodes (a span added or removed), put the selection back.
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!root || selection === null) return;
    if (!sameSelection(readSelection(root, length), selection)) writeSelection(root, selection);
  }, [rootRef, selection, version, length]);

  // Draw a caret where a collapsed selection is, since the browser draws none in non-editable text.
  useLayoutEffect(() => {
    const root = rootRef.current;
    const caret = caretRef.current;
    if (!root || !caret) return;
    const point =
      hasFocus && selection !== null && selection.anchor === selection.focus
        ? offsetToDomPoint(collectSegments(root), selection.focus)
        : null;
    if (!point) {
      caret.hidden = true;
      return;
    }
    const range = document.createRange();
    range.setStart(point.node as Node, point.offset);
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    const box = root.getBoundingClientRect();
    caret.hidden = false;
    caret.style.left = `${rect.left - box.left - root.clientLeft + root.scrollLeft}px`;
    caret.style.top = `${rect.top - box.top - root.clientTop + root.scrollTop}px`;
    caret.style.height = `${Math.max(rect.height, 16)}px`;
  }, [rootRef, caretRef, selection, hasFocus, version]);

  const select = useCallback(
    (next: TTextSelection | null) => {
      setSelection(next);
      const root = rootRef.current;
      if (!root) return;
      if (next === null) document.getSelection()?.removeAllRanges();
      else writeSelection(root, next);
    },
    [rootRef],
  );

  /** Handles a navigation key on the root; returns true when it was one (the caller prevents default). */
  const handleKeyDown = useCallback(
    (event: ReactKeyboardEvent): boolean => {
      if (text === null) return false;
      const current = selection ?? { anchor: 0, focus: 0 };
      const isWordKey = event.ctrlKey || event.altKey || event.metaKey;
      if (isWordKey && event.key.toLowerCase() === "a" && !event.shiftKey) {
        select({ anchor: 0, focus: length });
        return true;
      }
      if (event.key === "Escape" && selection !== null && selection.anchor !== selection.focus) {
        select({ anchor: selection.focus, focus: selection.focus });
        return true;
      }
      const move = NAVIGATION[event.key];
      if (!move) return false;
      let unit = move.unit;
      if (isWordKey) unit = unit === "char" ? "word" : "text";
      const isCollapsed = current.anchor === current.focus;
      let focus: number;
      if (!event.shiftKey && !isCollapsed && unit === "char") {
        // Like text editors: an unshifted arrow collapses a selection to its edge.
        focus =
          move.direction === 1
            ? Math.max(current.anchor, current.focus)
            : Math.min(current.anchor, current.focus);
      } else {
        focus = moveOffset(text, current.focus, move.direction, unit);
      }
      select({ anchor: event.shiftKey ? current.anchor : focus, focus });
      return true;
    },
    [text, selection, length, select],
  );

  return {
    selection,
    select,
    handleKeyDown,
    onFocus: () => setHasFocus(true),
    onBlur: () => setHasFocus(false),
  };
}
