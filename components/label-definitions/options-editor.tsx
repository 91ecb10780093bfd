"use client";

import type { ReactNode, Ref } from "react";
import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { assignHotkeys } from "@/lib/label-definitions/hotkeys";
import { HOTKEY_RE, MAX_OPTIONS } from "@/lib/label-definitions/label-limits";
import type { TOptionDraft } from "./definition-draft";
import { newOptionDraft } from "./definition-draft";
import { FieldError, INPUT_CLASS } from "./form-controls";

/** Which row control should take focus after a change (a new object each time). */
export type TFocusRequest = { id: number; target: "key" | "up" | "down" | "remove" };

type TErrorOf = (path: string) => string | undefined;

/**
 * Rows of key, title, hotkey and description, with add, remove and move up/down. A blank hotkey is
 * assigned automatically (shown as the placeholder, as annotators will see it).
 */
export function OptionsEditor({
  options,
  onChange,
  errorOf,
  onTouch,
  focusRequest,
  onFocusRequest,
  noun = "option",
}: {
  options: TOptionDraft[];
  onChange: (options: TOptionDraft[]) => void;
  /** The error to show for a path such as "options.0.key" (already filtered by touched state). */
  errorOf: TErrorOf;
  onTouch: (path: string) => void;
  focusRequest: TFocusRequest | null;
  onFocusRequest: (request: TFocusRequest) => void;
  /** "option" or, for spans, "label". */
  noun?: string;
}) {
  const autoHotkeys = assignHotkeys(
    options.map((o) => ({ hotkey: HOTKEY_RE.test(o.hotkey) ? o.hotkey : o.hasNoHotkey ? null : undefined })),
  );
  const listError = errorOf("options");

  function update(index: number, patch: Partial<TOptionDraft>) {
    onChange(options.map((o, i) => (i === index ? { ...o, ...patch } : o)));
  }

  function move(index: number, by: -1 | 1) {
    const target = index + by;
    if (target < 0 || target >= options.length) return;
    const next = [...options];
    [next[index], next[target]] = [next[target], next[index]];
    onChange(next);
    // Keep focus on the moved row's button, or on the other one when it reached an end.
    const atEnd = target === 0 || target === options.length - 1;
    onFocusRequest({
      id: options[index].id,
      target: atEnd ? (by === -1 ? "down" : "up") : by === -1 ? "up" : "down",
    });
  }

  function remove(index: number) {
    const next = options.filter((_, i) => i !== index);
    onChange(next);
    const neighbour = next[Math.min(index, next.length - 1)];
    if (neighbour) onFocusRequest({ id: neighbour.id, target: next.length === 1 ? "key" : "remove" });
  }

  function add() {
    const option = newOptionDraft();
    onChange([...options, option]);
    onFocusRequest({ id: option.id, target: "key" });
  }

  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">
        {noun === "label" ? "Labels" : "Options"}
      </legend>
      <div
        aria-hidden="true"
        className="hidden grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)_4.5rem_minmax(0,1.5fr)_6.5rem] gap-2 text-xs font-medium text-slate-700 md:grid"
      >
        <span>Key (stored value)</span>
        <span>Title (shown)</span>
        <span>Hotkey</span>
        <span>Description</span>
        <span />
      </div>
      <ol className="space-y-3 md:space-y-2">
        {options.map((option, index) => (
          <OptionRow
            key={option.id}
            option={option}
            index={index}
            count={options.length}
            noun={noun}
            autoHotkey={autoHotkeys[index]}
            errorOf={errorOf}
            onTouch={onTouch}
            onUpdate={(patch) => update(index, patch)}
            onMove={(by) => move(index, by)}
            onRemove={() => remove(index)}
            focusRequest={focusRequest?.id === option.id ? focusRequest : null}
          />
        ))}
      </ol>
      <FieldError id="options-error" message={listError} />
      <Button variant="secondary" onClick={add} disabled={options.length >= MAX_OPTIONS}>
        Add {noun}
      </Button>
    </fieldset>
  );
}

function OptionRow({
  option,
  index,
  count,
  noun,
  autoHotkey,
  errorOf,
  onTouch,
  onUpdate,
  onMove,
  onRemove,
  focusRequest,
}: {
  option: TOptionDraft;
  index: number;
  count: number;
  noun: string;
  autoHotkey: string | null;
  errorOf: TErrorOf;
  onTouch: (path: string) => void;
  onUpdate: (patch: Partial<TOptionDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  focusRequest: TFocusRequest | null;
}) {
  const id = useId();
  const keyRef = useRef<HTMLInputElement>(null);
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const n = index + 1;
  const path = (field: string) => `options.${index}.${field}`;

  // The request object is new for each request, so re-renders of the row do not move focus.
  useEffect(() => {
    if (!focusRequest) return;
    const target = { key: keyRef, up: upRef, down: downRef, remove: removeRef }[focusRequest.target];
    target.current?.focus();
  }, [focusRequest]);

  const field = (name: "key" | "title" | "hotkey" | "description") => {
    const error = errorOf(path(name));
    return {
      id: `${id}-${name}`,
      "aria-invalid": error ? true : undefined,
      "aria-describedby": error ? `${id}-${name}-error` : undefined,
      onBlur: () => onTouch(path(name)),
      className: INPUT_CLASS,
      error,
    };
  };
  const key = field("key");
  const title = field("title");
  const hotkey = field("hotkey");
  const description = field("description");

  return (
    <li className="grid grid-cols-2 gap-2 rounded-md border border-slate-200 p-2 md:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)_4.5rem_minmax(0,1.5fr)_6.5rem] md:border-0 md:p-0">
      <div className="space-y-1">
        <label htmlFor={key.id} className="text-xs font-medium text-slate-700 md:sr-only">
          {`${noun === "label" ? "Label" : "Option"} ${n} key`}
        </label>
        <input
          ref={keyRef}
          {...omitError(key)}
          value={option.key}
          placeholder="e.g. positive"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onUpdate({ key: e.target.value })}
        />
        <FieldError id={`${key.id}-error`} message={key.error} />
      </div>
      <div className="space-y-1">
        <label htmlFor={title.id} className="text-xs font-medium text-slate-700 md:sr-only">
          {`${noun === "label" ? "Label" : "Option"} ${n} title`}
        </label>
        <input
          {...omitError(title)}
          value={option.title}
          placeholder={option.key || "Same as key"}
          onChange={(e) => onUpdate({ title: e.target.value })}
        />
        <FieldError id={`${title.id}-error`} message={title.error} />
      </div>
      <div className="space-y-1">
        <label htmlFor={hotkey.id} className="text-xs font-medium text-slate-700 md:sr-only">
          {`${noun === "label" ? "Label" : "Option"} ${n} hotkey`}
        </label>
        <input
          {...omitError(hotkey)}
          value={option.hotkey}
          maxLength={1}
          placeholder={autoHotkey ?? "none"}
          autoComplete="off"
          spellCheck={false}
          title="One letter or digit. Leave blank to assign one automatically."
          className={`${INPUT_CLASS} text-center font-mono`}
          onChange={(e) => onUpdate({ hotkey: e.target.value.toLowerCase(), hasNoHotkey: false })}
        />
        <FieldError id={`${hotkey.id}-error`} message={hotkey.error} />
      </div>
      <div className="space-y-1">
        <label htmlFor={description.id} className="text-xs font-medium text-slate-700 md:sr-only">
          {`${noun === "label" ? "Label" : "Option"} ${n} description`}
        </label>
        <input
          {...omitError(description)}
          value={option.description}
          placeholder="Optional"
          onChange={(e) => onUpdate({ description: e.target.value })}
        />
        <FieldError id={`${description.id}-error`} message={description.error} />
      </div>
      <div className="col-span-2 flex items-start gap-1 md:col-span-1">
        <RowButton
          ref={upRef}
          label={`Move ${noun} ${n} up`}
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          ↑
        </RowButton>
        <RowButton
          ref={downRef}
          label={`Move ${noun} ${n} down`}
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        >
          ↓
        </RowButton>
        <RowButton ref={removeRef} label={`Remove ${noun} ${n}`} disabled={count === 1} onClick={onRemove}>
          ×
        </RowButton>
      </div>
    </li>
  );
}

function omitError<T extends { error?: string }>(props: T): Omit<T, "error"> {
  const { error: _error, ...rest } = props;
  return rest;
}

function RowButton({
  ref,
  label,
  disabled,
  onClick,
  children,
}: {
  ref: Ref<HTMLButtonElement>;
  label: string;
  disabled: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      ref={ref}
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className="inline-flex size-9 items-center justify-center rounded-md text-base text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100 disabled:cursor-not-allowed disabled:text-slate-400 disabled:ring-slate-200"
    >
      {children}
    </button>
  );
}
