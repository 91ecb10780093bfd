import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import type { TSpan } from "@/lib/label-definitions/value-schema";
import type { TFieldProblem } from "../import-types";
import { describeJsonType, showJsonValue } from "../json-record";
import { isPlainObject } from "../record-fields";
import { findOptionKey, unknownOptionMessage } from "./option-lookup";

/** What one Label Studio result contributes to a definition's value: a whole value, or spans to add. */
export type TResultPart = { kind: "value"; value: unknown } | { kind: "spans"; spans: TSpan[] };

const PAIRWISE_SIDES: Record<string, string> = { left: "A", right: "B", A: "A", B: "B", tie: "tie" };

/**
 * Turns the `value` of one Label Studio result into a Concord value for `spec`, or pushes problems
 * (at `path`, the result's place in the file). Spans are checked against the item's text here, so
 * that an offset past the end names the result it came from.
 */
export function convertResult(
  spec: TLabelDefinitionSpec,
  result: Record<string, unknown>,
  data: Record<string, unknown>,
  path: string,
  problems: TFieldProblem[],
): TResultPart | null {
  const value = result.value;
  if (!isPlainObject(value)) {
    problems.push({
      path: `${path}.value`,
      message: `value must be an object, got ${describeJsonType(value)}`,
    });
    return null;
  }
  const wrongType = (expected: string) => {
    problems.push({
      path: `${path}.type`,
      message: `"${spec.key}" is a ${spec.kind} definition: it takes ${expected} results, got ${showJsonValue(result.type ?? null)}`,
    });
    return null;
  };
  switch (spec.kind) {
    case "single_choice":
    case "multi_choice": {
      if (!Array.isArray(value.choices)) return wrongType("choices");
      const keys: string[] = [];
      value.choices.forEach((name: unknown, index: number) => {
        const key = findOptionKey(spec, name);
        if (key === null)
          problems.push({
            path: `${path}.value.choices.${index}`,
            message: unknownOptionMessage(spec, name),
          });
        else keys.push(key);
      });
      if (keys.length !== value.choices.length) return null;
      if (spec.kind === "multi_choice") return { kind: "value", value: keys };
      if (keys.length !== 1) {
        problems.push({
          path: `${path}.value.choices`,
          message: `"${spec.key}" is single choice: one choice, got ${keys.length}`,
        });
        return null;
      }
      return { kind: "value", value: keys[0] };
    }
    case "spans": {
      if (!Array.isArray(value.labels)) return wrongType("labels");
      const { start, end } = value;
      if (
        !Number.isInteger(start) ||
        !Number.isInteger(end) ||
        (start as number) < 0 ||
        (end as number) <= (start as number)
      ) {
        problems.push({
          path: `${path}.value`,
          message: `start and end must be integers with 0 <= start < end, got ${showJsonValue(start)} and ${showJsonValue(end)}`,
        });
        return null;
      }
      const text = data[spec.textField];
      if (typeof text === "string" && (end as number) > text.length) {
        problems.push({
          path: `${path}.value.end`,
          message: `the span ${start}-${end} is outside the text of "${spec.textField}" (length ${text.length})`,
        });
        return null;
      }
      const spans: TSpan[] = [];
      value.labels.forEach((name: unknown, index: number) => {
        const key = findOptionKey(spec, name);
        if (key === null)
          problems.push({ path: `${path}.value.labels.${index}`, message: unknownOptionMessage(spec, name) });
        else spans.push({ start: start as number, end: end as number, label: key });
      });
      return spans.length === value.labels.length ? { kind: "spans", spans } : null;
    }
    case "rating":
      if (value.rating === undefined) return wrongType("rating");
      return { kind: "value", value: value.rating };
    case "free_text": {
      const text = value.text;
      if (typeof text === "string") return { kind: "value", value: text };
      if (Array.isArray(text) && text.every((t) => typeof t === "string"))
        return { kind: "value", value: text.join("\n") };
      return wrongType("textarea");
    }
    case "pairwise": {
      const picked =
        typeof value.selected === "string"
          ? value.selected
          : Array.isArray(value.choices) && value.choices.length === 1
            ? value.choices[0]
            : undefined;
      if (picked === undefined) return wrongType("pairwise");
      const side = typeof picked === "string" ? PAIRWISE_SIDES[picked] : undefined;
      if (side === undefined) {
        problems.push({
          path: `${path}.value`,
          message: `a pairwise choice is "left", "right" (or "A", "B", "tie"), got ${showJsonValue(picked)}`,
        });
        return null;
      }
      return { kind: "value", value: side };
    }
    default:
      problems.push({
        path,
        message: `"${(spec as { key: string }).key}" cannot be imported from Label Studio`,
      });
      return null;
  }
}
