import { z } from "zod";
import type {
  TFreeTextSpec,
  TLabelDefinitionSpec,
  TOptionsSpec,
  TPairwiseSpec,
  TRatingSpec,
  TSpansSpec,
} from "./definition-spec";
import { rankingSchema, rubricSchema, type TRubricValue } from "./feedback-value-schema";
import { MAX_SPANS_PER_VALUE, PAIRWISE_VALUES } from "./label-limits";

/** One span of a `spans` value: UTF-16 code-unit offsets into the text, `end` exclusive. */
export type TSpan = { start: number; end: number; label: string };

/** A non-empty annotation value of any kind (ranking: number[]; rubric: criterion -> score). */
export type TLabelValue = string | string[] | number | TSpan[] | number[] | TRubricValue;

/** The item an annotation is for; only `data` is read (for span bounds). */
export type TItemForValues = { data: Record<string, unknown> };

/** A parsed submission: every definition key is present; skipped optional values are `null`. */
export type TSubmission = { values: Record<string, TLabelValue | null> };

const MAX_LISTED_OPTIONS = 12;

function listOptions(keys: readonly string[]): string {
  const shown = keys.slice(0, MAX_LISTED_OPTIONS).join(", ");
  const more = keys.length - MAX_LISTED_OPTIONS;
  return more > 0 ? `${shown} … and ${more} more` : shown;
}

function optionKeySchema(spec: TOptionsSpec) {
  const keys = spec.options.map((option) => option.key);
  const known = new Set(keys);
  const expected = `one of the options of "${spec.key}": ${listOptions(keys)}`;
  return z.string({ error: `must be ${expected}` }).superRefine((value, ctx) => {
    if (!known.has(value)) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not ${expected}` });
    }
  });
}

function singleChoiceSchema(spec: TOptionsSpec) {
  return optionKeySchema(spec);
}

function multiChoiceSchema(spec: TOptionsSpec) {
  return z
    .array(optionKeySchema(spec), {
      error: `must be an array of option keys of "${spec.key}" (may be empty)`,
    })
    .superRefine((keys, ctx) => {
      const seen = new Set<string>();
      keys.forEach((key, index) => {
        if (seen.has(key)) {
          ctx.addIssue({ code: "custom", path: [index], message: `"${key}" is selected twice` });
        }
        seen.add(key);
      });
    });
}

function ratingSchema(spec: TRatingSpec) {
  const message = `must be an integer from ${spec.min} to ${spec.max}`;
  return z
    .number({ error: message })
    .int({ error: message })
    .min(spec.min, { error: message })
    .max(spec.max, { error: message });
}

/** True when `offset` falls between the two halves of a surrogate pair. */
function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function spansSchema(spec: TSpansSpec, item: TItemForValues | undefined) {
  const offset = (field: string) =>
    z
      .number({ error: `${field} must be a non-negative integer` })
      .int({ error: `${field} must be a non-negative integer` })
      .min(0, { error: `${field} must be a non-negative integer` });
  const span = z
    .object(
      { start: offset("start"), end: offset("end"), label: optionKeySchema(spec) },
      { error: "each span must be an object {start, end, label}" },
    )
    .strict()
    .superRefine((value, ctx) => {
      if (value.end <= value.start) {
        ctx.addIssue({ code: "custom", path: ["end"], message: "end must be greater than start" });
      }
    });
  return z
    .array(span, { error: `must be an array of spans {start, end, label}` })
    .max(MAX_SPANS_PER_VALUE, { error: `at most ${MAX_SPANS_PER_VALUE} spans` })
    .superRefine((spans, ctx) => {
      const seen = new Set<string>();
      spans.forEach((s, index) => {
        const id = `${s.start}:${s.end}:${s.label}`;
        if (seen.has(id)) {
          ctx.addIssue({ code: "custom", path: [index], message: "duplicate span" });
        }
        seen.add(id);
      });
      if (item === undefined || spans.length === 0) return;
      const text = item.data[spec.textField];
      if (typeof text !== "string") {
        ctx.addIssue({
          code: "custom",
          message: `the item has no text in field "${spec.textField}", so it cannot have spans`,
        });
        return;
      }
      spans.forEach((s, index) => {
        if (s.end > text.length) {
          ctx.addIssue({
            code: "custom",
            path: [index, "end"],
            message: `end ${s.end} is past the end of the text (length ${text.length})`,
          });
          return;
        }
        for (const field of ["start", "end"] as const) {
          if (splitsSurrogatePair(text, s[field])) {
            ctx.addIssue({
              code: "custom",
              path: [index, field],
              message: `${field} ${s[field]} splits a character (offsets are UTF-16 code units)`,
            });
          }
        }
      });
    });
}

function pairwiseSchema(spec: TPairwiseSpec) {
  const allowed: readonly string[] = spec.allowTie ? PAIRWISE_VALUES : ["A", "B"];
  const message = spec.allowTie ? `must be "A", "B" or "tie"` : `must be "A" or "B"`;
  return z.string({ error: message }).superRefine((value, ctx) => {
    if (allowed.includes(value)) return;
    ctx.addIssue({
      code: "custom",
      message: value === "tie" ? `ties are not allowed for "${spec.key}"; ${message}` : message,
    });
  });
}

function freeTextSchema(spec: TFreeTextSpec) {
  const text = z
    .string({ error: "must be a string" })
    .max(spec.maxLength, { error: `must be at most ${spec.maxLength} characters` });
  return spec.required
    ? text.refine((value) => value.trim().length > 0, { error: "must not be blank" })
    : text;
}

/**
 * Whether a definition's value schema reads the item (spans: offsets against its text). Every other
 * kind's schema depends on the definition version alone, so it can be built once and kept.
 */
export function readsItemData(spec: { kind: string }): boolean {
  return spec.kind === "spans" || spec.kind === "ranking";
}

function kindSchema(spec: TLabelDefinitionSpec, item: TItemForValues | undefined): z.ZodType<TLabelValue> {
  switch (spec.kind) {
    case "single_choice":
      return singleChoiceSchema(spec);
    case "multi_choice":
      return multiChoiceSchema(spec);
    case "rating":
      return ratingSchema(spec);
    case "spans":
      return spansSchema(spec, item);
    case "pairwise":
      return pairwiseSchema(spec);
    case "free_text":
      return freeTextSchema(spec);
    case "ranking":
      return rankingSchema(spec, item);
    case "rubric":
      return rubricSchema(spec);
  }
}

/**
 * Schema of one annotation value for one definition version.
 * - required: `null`/absent is rejected with "a value for "<key>" is required".
 * - optional (required = false): `null` or absent parse to `null`.
 * When `item` is given, span offsets are checked against `item.data[textField]`
 * (lengths in UTF-16 code units, i.e. JS `string.length`), and a ranking's length against the
 * item's responses.
 */
export function valueSchemaFor(
  spec: TLabelDefinitionSpec,
  item?: TItemForValues,
): z.ZodType<TLabelValue | null> {
  const inner = kindSchema(spec, item);
  if (!spec.required) return inner.nullable().default(null);
  return z
    .unknown()
    .refine((value): boolean => value !== undefined && value !== null, {
      error: `a value for "${spec.key}" is required`,
      abort: true,
    })
    .pipe(inner);
}

/** Schema of the `values` object of a submission: one entry per definition, no others. */
export function valuesSchemaFor(
  specs: readonly TLabelDefinitionSpec[],
  item?: TItemForValues,
): z.ZodType<Record<string, TLabelValue | null>> {
  const shape: Record<string, z.ZodType<TLabelValue | null>> = {};
  for (const spec of specs) {
    if (Object.hasOwn(shape, spec.key)) {
      throw new Error(`valuesSchemaFor: duplicate definition key "${spec.key}"`);
    }
    shape[spec.key] = valueSchemaFor(spec, item);
  }
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === "unrecognized_keys") {
        return `not a label definition of this project: ${issue.keys.join(", ")}`;
      }
      if (issue.code === "invalid_type") return "values must be an object {<definitionKey>: value}";
      return undefined;
    },
  });
}

/**
 * Schema of the body of `POST /assignments/{id}/submit`: `{values: {<definitionKey>: value}}`.
 * Strict at both levels; extend with `.extend()` on the object if more top-level fields are needed
 * (the returned schema is a ZodObject).
 */
export function submissionSchemaFor(specs: readonly TLabelDefinitionSpec[], item?: TItemForValues) {
  return z.strictObject(
    { values: valuesSchemaFor(specs, item) },
    {
      error: (issue) => (issue.code === "invalid_type" ? "the body must be an object {values}" : undefined),
    },
  );
}
