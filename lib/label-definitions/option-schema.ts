import { z } from "zod";
import {
  HOTKEY_RE,
  MAX_DESCRIPTION_LENGTH,
  MAX_OPTIONS,
  MAX_TITLE_LENGTH,
  MIN_OPTIONS,
  OPTION_KEY_RE,
} from "./label-limits";

/**
 * One option of a choice or spans definition, as accepted in a request body.
 * `hotkey: null` means "no hotkey, do not auto-assign one"; an absent hotkey is auto-assigned.
 */
export const ZLabelOptionInput = z
  .object({
    key: z.string({ error: "key must be a string" }).regex(OPTION_KEY_RE, {
      error: "key must be 1-64 characters of letters, digits, '_' or '-'",
    }),
    title: z
      .string({ error: "title must be a string" })
      .max(MAX_TITLE_LENGTH, { error: `title must be at most ${MAX_TITLE_LENGTH} characters` })
      .optional(),
    hotkey: z
      .string({ error: "hotkey must be a single character or null" })
      .regex(HOTKEY_RE, {
        error: "hotkey must be one character: a digit 0-9 or a lowercase letter a-z",
      })
      .nullable()
      .optional(),
    description: z
      .string({ error: "description must be a string" })
      .max(MAX_DESCRIPTION_LENGTH, {
        error: `description must be at most ${MAX_DESCRIPTION_LENGTH} characters`,
      })
      .optional(),
  })
  .strict();

export type TLabelOptionInput = z.infer<typeof ZLabelOptionInput>;

/** 1..50 options; keys unique (case-insensitive), explicit hotkeys unique. */
export const ZLabelOptionsInput = z
  .array(ZLabelOptionInput, { error: "options must be an array of options" })
  .min(MIN_OPTIONS, { error: `options must have at least ${MIN_OPTIONS} option` })
  .max(MAX_OPTIONS, { error: `options must have at most ${MAX_OPTIONS} options` })
  .superRefine((options, ctx) => {
    const keys = new Map<string, number>();
    const hotkeys = new Map<string, number>();
    options.forEach((option, index) => {
      const folded = option.key.toLowerCase();
      const keyOwner = keys.get(folded);
      if (keyOwner !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: [index, "key"],
          message: `duplicate option key "${option.key}" (option ${keyOwner} has the same key; keys are compared case-insensitively)`,
        });
      } else {
        keys.set(folded, index);
      }
      if (typeof option.hotkey === "string") {
        const hotkeyOwner = hotkeys.get(option.hotkey);
        if (hotkeyOwner !== undefined) {
          ctx.addIssue({
            code: "custom",
            path: [index, "hotkey"],
            message: `duplicate hotkey "${option.hotkey}" (option ${hotkeyOwner} uses it too)`,
          });
        } else {
          hotkeys.set(option.hotkey, index);
        }
      }
    });
  });
