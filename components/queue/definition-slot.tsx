"use client";

import { memo, useEffect, useId, useRef } from "react";
import { LabelControl } from "@/components/label-kinds/label-control";
import type { TServedDefinition, TQueueItem } from "@/lib/client/queue/queue-api";
import type { TLabelValue } from "@/lib/label-definitions/value-schema";
import { markAnchors, slotProps } from "./definition-anchor";

/**
 * One definition's control in the stack, with its error. Focus or a click anywhere inside makes it
 * the active definition (the one that owns the option keys). Memoized: typing in one control, or a
 * request starting, does not re-render the others (the handlers passed in are stable).
 */
export const DefinitionSlot = memo(function DefinitionSlot({
  definition,
  item,
  value,
  error,
  isActive,
  sidesFlipped,
  onChange,
  onActivate,
}: {
  definition: TServedDefinition;
  item: TQueueItem;
  sidesFlipped: boolean;
  value: TLabelValue | null;
  error: string | undefined;
  isActive: boolean;
  onChange: (key: string, value: TLabelValue | null) => void;
  onActivate: (key: string) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const errorId = useId();
  const hasError = error !== undefined;

  // The control re-renders its own markup (e.g. the spans text appears): mark the anchors after every render.
  useEffect(() => markAnchors(ref.current, hasError ? errorId : null));

  const suggestion = item.predictions?.[definition.key] as TLabelValue | null | undefined;
  return (
    <div
      ref={ref}
      {...slotProps(definition.key)}
      onFocus={() => onActivate(definition.key)}
      onPointerDown={() => onActivate(definition.key)}
      className={`scroll-my-24 rounded-lg ${hasError ? "ring-1 ring-red-400 ring-offset-4 ring-offset-slate-50" : ""}`}
    >
      <LabelControl
        spec={definition.spec}
        value={value}
        onChange={(next) => onChange(definition.key, next)}
        item={item}
        suggestion={suggestion ?? null}
        isActive={isActive}
        sidesFlipped={sidesFlipped}
      />
      {hasError ? (
        <p
          id={errorId}
          className="mt-2 flex items-start gap-2 rounded-md bg-red-50 px-3 py-2 text-sm font-medium text-red-800"
        >
          <span aria-hidden="true">⚠</span>
          {error}
        </p>
      ) : null}
    </div>
  );
});
