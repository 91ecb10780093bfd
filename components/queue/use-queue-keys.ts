"use client";

import type { RefObject } from "react";
import { useEffect, useEffectEvent } from "react";
import type { TQueueSession } from "@/lib/client/queue/use-queue-session";
import { visibleDraft } from "@/lib/client/queue/session-state";
import { findSlot, focusDefinition } from "./definition-anchor";
import type { TFocusKind, TQueueCommand } from "./queue-keys";
import { focusKindOf, queueCommand } from "./queue-keys";

const WORKSPACE_CHARACTERS = new Set(["?", "[", "]"]);

/**
 * Type to start: a character typed on a free-text definition's group goes into its text box
 * (focus moves before the character is inserted, so it lands there).
 */
function startTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement;
  if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return false;
  if (WORKSPACE_CHARACTERS.has(event.key) || target.getAttribute("role") !== "group") return false;
  const textarea = target.querySelector("textarea");
  if (!textarea) return false;
  textarea.focus();
  return true;
}

/**
 * The workspace's keys (see queue-keys.ts for the map), on the window. The controls' option
 * keys are handled by the controls themselves; the two sets never overlap.
 */
export function useQueueKeys({
  session,
  stackRef,
  submitRef,
  isEnabled,
  onHelp,
  onToggleGuidelines,
}: {
  session: TQueueSession;
  stackRef: RefObject<HTMLElement | null>;
  submitRef: RefObject<HTMLElement | null>;
  /** Off while a dialog handles its own keys. */
  isEnabled: boolean;
  onHelp: () => void;
  onToggleGuidelines: () => void;
}) {
  const { state } = session;

  /** Tab and ↑/↓ step through the definitions; Tab leaves the last one for the Submit button. */
  function move(step: 1 | -1, via: "tab" | "arrow", focus: TFocusKind): boolean {
    const draft = visibleDraft(state);
    if (!draft || draft.activeKey === null) return false;
    if (focus === "page") {
      // Focus is nowhere in particular: bring it to the active definition first.
      return focusDefinition(stackRef.current, draft.activeKey);
    }
    const keys = draft.assignment.definitions.map((d) => d.key);
    const index = keys.indexOf(draft.activeKey);
    if (via === "tab" && step === 1 && index === keys.length - 1) {
      submitRef.current?.focus();
      return true;
    }
    // Shift+Tab from the first definition goes on to the page before it, as usual.
    if (via === "tab" && step === -1 && index <= 0) return false;
    session.move(step);
    return true;
  }

  function run(command: TQueueCommand, focus: TFocusKind): boolean {
    const hasDraft = visibleDraft(state) !== null;
    switch (command.type) {
      case "commit":
        if (!hasDraft) return false;
        session.commit();
        return true;
      case "skip":
        if (state.queue.status !== "ready" || state.review) return false;
        session.skip();
        return true;
      case "back":
        session.goBack();
        return true;
      case "forward":
        session.goForward();
        return true;
      case "return":
        session.returnToCurrent();
        return true;
      case "help":
        onHelp();
        return true;
      case "toggle-guidelines":
        onToggleGuidelines();
        return true;
      case "leave-text": {
        // The free-text box blurs itself on Esc; keep focus in its definition so the keys work on.
        const key = visibleDraft(state)?.activeKey;
        const group = key
          ? findSlot(stackRef.current, key)?.querySelector<HTMLElement>('[role="group"]')
          : null;
        group?.focus({ preventScroll: true });
        return false;
      }
      case "move":
        return move(command.step, command.via, focus);
    }
  }

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    const focus = focusKindOf(event.target);
    if (focus === "anchor" && startTyping(event)) return;
    const command = queueCommand(event, { focus, isReviewing: state.review !== null });
    if (command && run(command, focus)) event.preventDefault();
  });

  useEffect(() => {
    if (!isEnabled) return;
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, [isEnabled]);
}
