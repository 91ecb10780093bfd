import { ANCHOR_ATTRIBUTE } from "./queue-keys";

/*
 * Keyboard focus per definition. Each control's group (role="group", rendered by ControlFrame) is
 * made focusable and marked as an anchor, so Tab and the arrow keys can step between definitions
 * and a screen reader announces the group's name. A definition whose main part is a text (the
 * spans text, a free-text box) gets that focused instead, so the annotator can start right away.
 */

const SLOT_ATTRIBUTE = "data-slot";

export function slotProps(key: string) {
  return { [SLOT_ATTRIBUTE]: key };
}

function groupIn(slot: Element): HTMLElement | null {
  return slot.querySelector<HTMLElement>('[role="group"][data-definition]');
}

/** Makes the definition's group and its text focus targets; links the group to its error message. */
export function markAnchors(slot: HTMLElement | null, errorId: string | null): void {
  if (!slot) return;
  const group = groupIn(slot);
  if (group) {
    if (!group.hasAttribute("tabindex")) group.tabIndex = -1;
    group.setAttribute(ANCHOR_ATTRIBUTE, "");
    if (errorId) group.setAttribute("aria-describedby", errorId);
    else group.removeAttribute("aria-describedby");
  }
  slot.querySelector('[role="textbox"]')?.setAttribute(ANCHOR_ATTRIBUTE, "");
  slot.querySelector("textarea")?.setAttribute(ANCHOR_ATTRIBUTE, "");
}

/** Where focus goes when the definition becomes active from the keyboard. */
export function focusTargetOf(slot: Element | null): HTMLElement | null {
  if (!slot) return null;
  return (
    slot.querySelector<HTMLElement>('[role="textbox"]') ??
    slot.querySelector<HTMLElement>("textarea") ??
    groupIn(slot)
  );
}

export function findSlot(root: ParentNode | null, key: string): HTMLElement | null {
  return root?.querySelector<HTMLElement>(`[${SLOT_ATTRIBUTE}="${CSS.escape(key)}"]`) ?? null;
}

/** Focuses a definition's target, scrolling it into view only if it is not already. */
export function focusDefinition(root: ParentNode | null, key: string, { scroll = true } = {}): boolean {
  const slot = findSlot(root, key);
  const target = focusTargetOf(slot);
  if (!slot || !target) return false;
  target.focus({ preventScroll: true });
  if (scroll) slot.scrollIntoView({ block: "nearest", behavior: "instant" });
  return true;
}
