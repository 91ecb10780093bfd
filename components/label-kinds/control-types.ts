import type { TItemForValues } from "@/lib/label-definitions/value-schema";

/**
 * Props shared by the annotator's controls. Controlled: the control shows `value` (null: not
 * answered yet) and reports every change through `onChange` (null: cleared).
 */
export type TLabelControlProps<TSpec, TValue> = {
  spec: TSpec;
  value: TValue | null;
  onChange: (value: TValue | null) => void;
  item: TItemForValues;
  /** A model's pre-label, shown as a hint with a one-click accept. */
  suggestion?: TValue | null;
  /** True when this definition owns the page's hotkeys. */
  isActive?: boolean;
  /** The pairwise side order drawn for the assignment; shown only by definitions that shuffle sides. */
  sidesFlipped?: boolean;
};
