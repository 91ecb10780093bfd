import { HOTKEY_SEQUENCE } from "./label-limits";

type THotkeyInput = { hotkey?: string | null };

/**
 * Hotkeys for a list of options, in the same order.
 * - An explicit hotkey (string) is kept.
 * - An explicit `null` stays `null` (the option has no hotkey).
 * - A missing hotkey gets the first key of HOTKEY_SEQUENCE (1..9, a..z, 0) that no other option
 *   uses, walking the options in order; when the sequence is exhausted the result is `null`.
 * Deterministic: depends only on the options' order and their explicit hotkeys.
 */
export function assignHotkeys(options: readonly THotkeyInput[]): (string | null)[] {
  const taken = new Set<string>();
  for (const option of options) {
    if (typeof option.hotkey === "string") taken.add(option.hotkey);
  }
  let cursor = 0;
  return options.map((option) => {
    if (typeof option.hotkey === "string") return option.hotkey;
    if (option.hotkey === null) return null;
    while (cursor < HOTKEY_SEQUENCE.length && taken.has(HOTKEY_SEQUENCE[cursor] ?? "")) cursor++;
    const next = HOTKEY_SEQUENCE[cursor];
    if (next === undefined) return null;
    taken.add(next);
    cursor++;
    return next;
  });
}
