import { hotkeyFromEvent, type THotkeyEventLike } from "@/components/label-kinds/use-hotkeys";

export type TReviewCommand =
  | { type: "accept-majority" }
  | { type: "pick"; index: number }
  | { type: "save" }
  | { type: "next" }
  | { type: "move"; step: 1 | -1 };

/** The shortcuts as the page lists them. */
export const REVIEW_SHORTCUTS: readonly { keys: string[]; action: string }[] = [
  { keys: ["A"], action: "accept the majority value" },
  { keys: ["1", "…", "9"], action: "take annotation n" },
  { keys: ["↑", "↓"], action: "move between definitions" },
  { keys: ["Ctrl", "Enter"], action: "save all decisions" },
  { keys: ["N"], action: "next unresolved item (or J)" },
];

/**
 * What a key press means on the review page, or null. Single keys never fire while typing in a form
 * field (hotkeyFromEvent); Ctrl+Enter (⌘+Enter) types nothing, so it saves from the note box too.
 */
export function reviewCommand(event: THotkeyEventLike): TReviewCommand | null {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.altKey) {
    return event.defaultPrevented || event.isComposing || event.repeat ? null : { type: "save" };
  }
  const key = hotkeyFromEvent(event);
  if (key === null) return null;
  if (key === "a") return { type: "accept-majority" };
  if (/^[1-9]$/.test(key)) return { type: "pick", index: Number(key) - 1 };
  if (key === "n" || key === "j") return { type: "next" };
  if (key === "ArrowDown") return { type: "move", step: 1 };
  if (key === "ArrowUp") return { type: "move", step: -1 };
  return null;
}
