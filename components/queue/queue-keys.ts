/*
 * The workspace's own keys (the controls' option keys are theirs: [0-9a-z], "-", "+", "="), as a
 * pure function of the key and of what has focus, so the whole map can be tested without a DOM.
 */

/** The parts of a KeyboardEvent the workspace reads. */
export type TKeyInput = {
  key: string;
  code: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat: boolean;
  isComposing: boolean;
  defaultPrevented: boolean;
};

/**
 * What has focus:
 * - "page": nothing in particular (the body, a heading);
 * - "anchor": a definition's own focus target (its group, or the spans text);
 * - "text-anchor": a free-text definition's text box, which is its focus target;
 * - "text-entry": any other field one types into;
 * - "toggle": an option button (aria-pressed), where Enter would only repeat the click;
 * - "button": any other button or link, which keeps its own Enter;
 * - "scroller": a focusable region that scrolls (a long text), which keeps its arrow keys;
 * - "dialog": inside a dialog, which handles its own keys.
 */
export type TFocusKind =
  "page" | "anchor" | "text-anchor" | "text-entry" | "toggle" | "button" | "scroller" | "dialog";

export type TQueueCommand =
  | { type: "commit" }
  | { type: "skip" }
  | { type: "back" }
  | { type: "forward" }
  | { type: "return" }
  | { type: "move"; step: 1 | -1; via: "tab" | "arrow" }
  | { type: "leave-text" }
  | { type: "help" }
  | { type: "toggle-guidelines" };

export type TKeyContext = { focus: TFocusKind; isReviewing: boolean };

const ARROWS = new Set(["ArrowUp", "ArrowDown"]);

/** The command a key press stands for, or null when the workspace must leave it alone. */
export function queueCommand(event: TKeyInput, { focus, isReviewing }: TKeyContext): TQueueCommand | null {
  if (event.defaultPrevented || event.isComposing || focus === "dialog") return null;
  const isTyping = focus === "text-entry" || focus === "text-anchor";

  // Ctrl/Cmd+Enter commits from anywhere, even from a text box (where Enter is a new line).
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.altKey) {
    return event.repeat ? null : { type: "commit" };
  }
  // Alt+letter by physical key (Alt changes the character on macOS), for layouts where [ and ] need AltGr.
  if (event.altKey && !event.ctrlKey && !event.metaKey) {
    if (event.repeat) return null;
    if (event.code === "KeyS") return isReviewing ? null : { type: "skip" };
    if (event.code === "KeyB") return { type: "back" };
    if (event.code === "KeyG") return { type: "toggle-guidelines" };
    return null;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return null;

  if (event.key === "Tab") {
    // Tab steps from definition to definition; inside a control (its buttons) it moves as usual.
    const isFromTarget = focus === "anchor" || focus === "text-anchor" || focus === "page";
    return isFromTarget ? { type: "move", step: event.shiftKey ? -1 : 1, via: "tab" } : null;
  }
  if (isTyping) return event.key === "Escape" ? { type: "leave-text" } : null;

  if (ARROWS.has(event.key)) {
    if (focus === "scroller") return null;
    return { type: "move", step: event.key === "ArrowDown" ? 1 : -1, via: "arrow" };
  }
  if (event.repeat) return null;
  switch (event.key) {
    case "Enter":
      return focus === "button" || event.shiftKey ? null : { type: "commit" };
    case "?":
      return { type: "help" };
    case "[":
      return { type: "back" };
    case "]":
      return isReviewing ? { type: "forward" } : { type: "skip" };
    case "Escape":
      return isReviewing ? { type: "return" } : null;
    default:
      return null;
  }
}

type TElementLike = {
  tagName?: string;
  isContentEditable?: boolean;
  closest?: (selector: string) => unknown;
  getAttribute?: (name: string) => string | null;
};

const TEXT_TAGS = new Set(["INPUT", "TEXTAREA", "SELECT"]);

/** Marks a definition's focus target (see definition-anchor.ts). */
export const ANCHOR_ATTRIBUTE = "data-workspace-anchor";

function attribute(el: TElementLike, name: string): string | null {
  return el.getAttribute?.(name) ?? null;
}

/** Classifies the focused element (an event's target) for queueCommand. */
export function focusKindOf(target: unknown): TFocusKind {
  const el = target as TElementLike | null;
  if (!el || typeof el.closest !== "function" || !el.tagName) return "page";
  const tag = el.tagName.toUpperCase();
  if (tag === "BODY" || tag === "HTML") return "page";
  if (el.closest("dialog")) return "dialog";
  const isAnchor = attribute(el, ANCHOR_ATTRIBUTE) !== null;
  if (TEXT_TAGS.has(tag) || el.isContentEditable) {
    return isAnchor && tag === "TEXTAREA" ? "text-anchor" : "text-entry";
  }
  if (isAnchor) return "anchor";
  if (tag === "BUTTON") return attribute(el, "aria-pressed") !== null ? "toggle" : "button";
  if (tag === "A" || tag === "SUMMARY" || el.closest('[role="button"],[role="link"]')) return "button";
  if (attribute(el, "tabindex") === "0") return "scroller";
  return "page";
}
