"use client";

import { useEffect, useEffectEvent } from "react";

/** The parts of a KeyboardEvent that decide whether it is a hotkey. */
export type THotkeyEventLike = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat: boolean;
  isComposing: boolean;
  defaultPrevented: boolean;
  target: EventTarget | null;
};

type TTargetLike = {
  tagName?: string;
  isContentEditable?: boolean;
  closest?: (selector: string) => unknown;
};

const TYPING_TAGS = new Set(["INPUT", "TEXTAREA", "SELECT"]);

/**
 * The hotkey an event stands for, or null when it must not trigger one: typing in a form field or
 * contenteditable, inside an element marked `data-hotkeys="off"`, a ctrl/meta/alt chord (browser and
 * OS shortcuts), auto-repeat (holding a key must not toggle an option many times), IME composition,
 * or an event some handler already consumed. Single characters are lowercased so Caps Lock and Shift
 * do not disable the hotkeys; other keys keep their name ("Escape", "ArrowLeft").
 */
export function hotkeyFromEvent(event: THotkeyEventLike): string | null {
  if (event.defaultPrevented || event.isComposing || event.repeat) return null;
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const target = event.target as TTargetLike | null;
  if (target) {
    if (target.tagName && TYPING_TAGS.has(target.tagName.toUpperCase())) return null;
    if (target.isContentEditable) return null;
    if (target.closest?.('[data-hotkeys="off"]')) return null;
  }
  return event.key.length === 1 ? event.key.toLowerCase() : event.key;
}

/**
 * Calls `onKey` for hotkeys pressed anywhere on the page while `enabled`. When `onKey` returns true
 * the key was used: its default action is prevented (and later listeners see `defaultPrevented`).
 */
export function useHotkeys(onKey: (key: string, event: KeyboardEvent) => boolean, enabled = true): void {
  const handle = useEffectEvent((event: KeyboardEvent) => {
    const key = hotkeyFromEvent(event);
    if (key !== null && onKey(key, event)) event.preventDefault();
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => handle(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, [enabled]);
}
