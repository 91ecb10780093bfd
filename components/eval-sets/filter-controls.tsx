"use client";

import type { ReactNode } from "react";
import type { TLabelDefinition } from "@/lib/schemas/label-definitions";

export const INPUT = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm";

/** The values a filter can pick for a definition: its options, rating scale or pairwise answers. */
export function valueChoices(definition: TLabelDefinition): { value: string | number; title: string }[] {
  const spec = definition.spec as {
    options?: { key: string; title: string }[];
    min?: number;
    max?: number;
    allowTie?: boolean;
  };
  switch (definition.kind) {
    case "single_choice":
    case "multi_choice":
      return (spec.options ?? []).map((o) => ({ value: o.key, title: o.title }));
    case "rating":
      return Array.from({ length: (spec.max ?? 0) - (spec.min ?? 0) + 1 }, (_, i) => {
        const value = (spec.min ?? 0) + i;
        return { value, title: String(value) };
      });
    case "pairwise":
      return ["A", "B", ...(spec.allowTie === false ? [] : ["tie"])].map((v) => ({ value: v, title: v }));
    default:
      return [];
  }
}

export function Fieldset({ legend, hint, children }: { legend: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold text-slate-800">{legend}</legend>
      {hint ? <p className="text-xs text-slate-600">{hint}</p> : null}
      {children}
    </fieldset>
  );
}

export function Check({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <label className="inline-flex items-center gap-2 text-sm text-slate-800">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

export function toggle<T>(list: readonly T[] | undefined, item: T, on: boolean): T[] | undefined {
  const next = on ? [...(list ?? []), item] : (list ?? []).filter((x) => x !== item);
  return next.length ? next : undefined;
}

export function omitEmpty<T extends Record<string, unknown>>(record: T): T | undefined {
  return Object.keys(record).length ? record : undefined;
}
