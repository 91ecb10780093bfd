import { createHash } from "node:crypto";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import type { TSpan } from "@/lib/label-definitions/value-schema";
import type { TLabeledItem } from "./label-studio";

/**
 * Prodigy's `_input_hash` for an item: its external id when that is an integer Prodigy could have
 * made (so a Prodigy file comes back with the same ids), else 31 bits of its sha256.
 */
export function prodigyInputHash(externalId: string): number {
  if (/^-?[1-9]\d{0,14}$/.test(externalId)) return Number(externalId);
  return createHash("sha256").update(externalId).digest().readInt32BE(0);
}

/**
 * Prodigy JSONL lines for one definition: one line per annotation (the shape `prodigy db-out`
 * writes), choice values as `accept`, spans as `spans`, and for a single choice definition with
 * options accept and reject (binary classification) the value as the `answer`.
 */
export function toProdigyLines(item: TLabeledItem, spec: TLabelDefinitionSpec): Record<string, unknown>[] {
  const inputHash = prodigyInputHash(item.externalId ?? item.itemId);
  const isBinary =
    spec.kind === "single_choice" &&
    spec.options.length === 2 &&
    spec.options.some((o) => o.key === "accept") &&
    spec.options.some((o) => o.key === "reject");
  return item.annotations.flatMap((a) => {
    if (!Object.hasOwn(a.values, spec.key) || a.values[spec.key] === null) return [];
    const value = a.values[spec.key];
    const line: Record<string, unknown> = { ...item.data, _input_hash: inputHash };
    if (isBinary) {
      line.label = spec.title;
      line.answer = value;
    } else if (spec.kind === "spans") {
      line.spans = (value as TSpan[]).map((s) => ({ start: s.start, end: s.end, label: s.label }));
      line.answer = "accept";
    } else if (spec.kind === "single_choice" || spec.kind === "multi_choice") {
      line.options = spec.options.map((o) => ({ id: o.key, text: o.title }));
      line.accept = spec.kind === "single_choice" ? [value] : value;
      line.answer = "accept";
    } else {
      return [];
    }
    line._annotator_id = a.annotator;
    line._session_id = a.annotator;
    if (a.createdAt) line._timestamp = Math.floor(Date.parse(a.createdAt) / 1000);
    return [line];
  });
}
