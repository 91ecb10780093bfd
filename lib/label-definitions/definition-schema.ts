import { z } from "zod";
import {
  CONVERSATION_TARGETS,
  DEFAULT_PAIRWISE_TEXT_FIELDS,
  DEFAULT_RESPONSES_FIELD,
  DEFINITION_KEY_RE,
  LABEL_KINDS,
  MAX_FIELD_NAME_LENGTH,
  MAX_FREE_TEXT_MAX_LENGTH,
  MAX_GUIDELINES_LENGTH,
  MAX_RATING_SPAN,
  MAX_TITLE_LENGTH,
  MIN_FREE_TEXT_MAX_LENGTH,
  MAX_RUBRIC_CRITERIA,
  MIN_RUBRIC_CRITERIA,
} from "./label-limits";
import { ZLabelOptionsInput } from "./option-schema";

/**
 * Request body of `POST /projects/{id}/label-definitions` and `PUT .../label-definitions/{key}`.
 * A discriminated union on `kind`; every branch is strict (unknown fields, and fields that belong
 * to another kind, are rejected). No defaults are applied here: see `normalizeDefinition`.
 */

const ZDefinitionKey = z.string({ error: "key must be a string" }).regex(DEFINITION_KEY_RE, {
  error:
    "key must start with a lowercase letter and contain only lowercase letters, digits and '_' (at most 64 characters)",
});

const ZFieldName = (field: string) =>
  z
    .string({ error: `${field} must be the name of a field of the item data` })
    .min(1, { error: `${field} must not be empty` })
    .max(MAX_FIELD_NAME_LENGTH, {
      error: `${field} must be at most ${MAX_FIELD_NAME_LENGTH} characters`,
    });

const ZInteger = (field: string) =>
  z.number({ error: `${field} must be an integer` }).int({ error: `${field} must be an integer` });

const ZCaption = z
  .string({ error: "each label must be a string" })
  .max(MAX_TITLE_LENGTH, { error: `each label must be at most ${MAX_TITLE_LENGTH} characters` });

const INTEGER_STRING_RE = /^-?(0|[1-9][0-9]*)$/;

const base = {
  key: ZDefinitionKey,
  title: z
    .string({ error: "title must be a string" })
    .max(MAX_TITLE_LENGTH, { error: `title must be at most ${MAX_TITLE_LENGTH} characters` })
    .optional(),
  guidelines: z
    .string({ error: "guidelines must be a string (Markdown)" })
    .max(MAX_GUIDELINES_LENGTH, {
      error: `guidelines must be at most ${MAX_GUIDELINES_LENGTH} characters`,
    })
    .optional(),
  required: z.boolean({ error: "required must be true or false" }).optional(),
  /** On a project that shows a conversation: the turns this definition judges. */
  conversationTarget: z
    .enum(CONVERSATION_TARGETS, {
      error: `conversationTarget must be one of: ${CONVERSATION_TARGETS.join(", ")}`,
    })
    .optional(),
};

export const ZSingleChoiceInput = z
  .object({ ...base, kind: z.literal("single_choice"), options: ZLabelOptionsInput })
  .strict();

export const ZMultiChoiceInput = z
  .object({ ...base, kind: z.literal("multi_choice"), options: ZLabelOptionsInput })
  .strict();

export const ZRatingInput = z
  .object({
    ...base,
    kind: z.literal("rating"),
    min: ZInteger("min"),
    max: ZInteger("max"),
    labels: z
      .record(z.string(), ZCaption, { error: "labels must be an object of value → caption" })
      .optional(),
  })
  .strict()
  .superRefine((def, ctx) => {
    if (def.max <= def.min) {
      ctx.addIssue({ code: "custom", path: ["max"], message: "max must be greater than min" });
    } else if (def.max - def.min > MAX_RATING_SPAN) {
      ctx.addIssue({
        code: "custom",
        path: ["max"],
        message: `the scale may span at most ${MAX_RATING_SPAN} steps (max - min ≤ ${MAX_RATING_SPAN})`,
      });
    }
    for (const value of Object.keys(def.labels ?? {})) {
      const n = Number(value);
      if (!INTEGER_STRING_RE.test(value) || n < def.min || n > def.max) {
        ctx.addIssue({
          code: "custom",
          path: ["labels", value],
          message: `labels keys must be integers between min and max (${def.min}..${def.max}); got "${value}"`,
        });
      }
    }
  });

export const ZSpansInput = z
  .object({
    ...base,
    kind: z.literal("spans"),
    options: ZLabelOptionsInput,
    textField: ZFieldName("textField").optional(),
  })
  .strict();

export const ZPairwiseInput = z
  .object({
    ...base,
    kind: z.literal("pairwise"),
    /** The item data fields shown as side A and side B. Default ["a", "b"]. */
    textFields: z
      .tuple([ZFieldName("textFields[0]"), ZFieldName("textFields[1]")], {
        error: "textFields must be an array of exactly two field names",
      })
      .optional(),
    /** Optional shared prompt / context field shown above both sides. */
    textField: ZFieldName("textField").optional(),
    allowTie: z.boolean({ error: "allowTie must be true or false" }).optional(),
    /** Show the two sides in an order drawn per assignment, against position bias. */
    shuffleSides: z.boolean({ error: "shuffleSides must be true or false" }).optional(),
  })
  .strict()
  .superRefine((def, ctx) => {
    const [a, b] = def.textFields ?? DEFAULT_PAIRWISE_TEXT_FIELDS;
    if (a === b) {
      ctx.addIssue({
        code: "custom",
        path: ["textFields", 1],
        message: "textFields must name two different fields",
      });
    }
    if (def.textField !== undefined && (def.textField === a || def.textField === b)) {
      ctx.addIssue({
        code: "custom",
        path: ["textField"],
        message: "textField (the shared prompt) must differ from the two textFields",
      });
    }
  });

export const ZFreeTextInput = z
  .object({
    ...base,
    kind: z.literal("free_text"),
    maxLength: ZInteger("maxLength")
      .min(MIN_FREE_TEXT_MAX_LENGTH, {
        error: `maxLength must be at least ${MIN_FREE_TEXT_MAX_LENGTH}`,
      })
      .max(MAX_FREE_TEXT_MAX_LENGTH, {
        error: `maxLength must be at most ${MAX_FREE_TEXT_MAX_LENGTH}`,
      })
      .optional(),
  })
  .strict();

export const ZRankingInput = z
  .object({
    ...base,
    kind: z.literal("ranking"),
    /** The item data field holding the responses to rank (an array of strings). Default "responses". */
    responsesField: ZFieldName("responsesField").optional(),
    /** The item data field holding the prompt, shown once above the responses. */
    promptField: ZFieldName("promptField").optional(),
    allowTies: z.boolean({ error: "allowTies must be true or false" }).optional(),
  })
  .strict()
  .superRefine((def, ctx) => {
    if (
      def.promptField !== undefined &&
      def.promptField === (def.responsesField ?? DEFAULT_RESPONSES_FIELD)
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["promptField"],
        message: "promptField must differ from responsesField",
      });
    }
  });

const ZCriterion = z
  .object(
    {
      key: ZDefinitionKey,
      title: z
        .string({ error: "title must be a string" })
        .max(MAX_TITLE_LENGTH, { error: `title must be at most ${MAX_TITLE_LENGTH} characters` })
        .optional(),
      min: ZInteger("min"),
      max: ZInteger("max"),
      minLabel: ZCaption.optional(),
      maxLabel: ZCaption.optional(),
    },
    { error: "each criterion must be an object {key, title?, min, max, minLabel?, maxLabel?}" },
  )
  .strict()
  .superRefine((c, ctx) => {
    if (c.max <= c.min) {
      ctx.addIssue({ code: "custom", path: ["max"], message: "max must be greater than min" });
    } else if (c.max - c.min > MAX_RATING_SPAN) {
      ctx.addIssue({
        code: "custom",
        path: ["max"],
        message: `the scale may span at most ${MAX_RATING_SPAN} steps (max - min ≤ ${MAX_RATING_SPAN})`,
      });
    }
  });

export const ZRubricInput = z
  .object({
    ...base,
    kind: z.literal("rubric"),
    criteria: z
      .array(ZCriterion, { error: "criteria must be an array of {key, title?, min, max}" })
      .min(MIN_RUBRIC_CRITERIA, { error: `criteria must list at least ${MIN_RUBRIC_CRITERIA} criterion` })
      .max(MAX_RUBRIC_CRITERIA, { error: `criteria may list at most ${MAX_RUBRIC_CRITERIA} criteria` }),
  })
  .strict()
  .superRefine((def, ctx) => {
    const seen = new Set<string>();
    def.criteria.forEach((c, index) => {
      if (seen.has(c.key)) {
        ctx.addIssue({
          code: "custom",
          path: ["criteria", index, "key"],
          message: `criterion key "${c.key}" is used twice`,
        });
      }
      seen.add(c.key);
    });
  });

export const ZLabelDefinitionInput = z.discriminatedUnion(
  "kind",
  [
    ZSingleChoiceInput,
    ZMultiChoiceInput,
    ZRatingInput,
    ZSpansInput,
    ZPairwiseInput,
    ZFreeTextInput,
    ZRankingInput,
    ZRubricInput,
  ],
  {
    error: (issue) =>
      issue.code === "invalid_union" ? `kind must be one of: ${LABEL_KINDS.join(", ")}` : undefined,
  },
);

export type TLabelDefinitionInput = z.infer<typeof ZLabelDefinitionInput>;
