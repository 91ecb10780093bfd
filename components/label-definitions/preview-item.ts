import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import type { TItemForValues } from "@/lib/label-definitions/value-schema";

export const SAMPLE_TEXT = "The staff was friendly but the food arrived cold.";
export const SAMPLE_PROMPT = "A customer writes: “My order arrived cold.” Reply to them.";
export const SAMPLE_SIDE_A =
  "I'm sorry your food arrived cold. We've refunded the delivery fee and passed your note to the kitchen.";
export const SAMPLE_SIDE_B = "Sorry about that. Please reheat it.";

/**
 * The item the live preview labels: the lead's own sample when given (so a wrong field name shows
 * up as a missing field), otherwise built-in sample data in the fields the definition reads.
 */
export function previewItemFor(spec: TLabelDefinitionSpec, sampleItem?: TItemForValues): TItemForValues {
  if (sampleItem) return sampleItem;
  const item = builtInItem(spec);
  // A definition about a conversation's turns previews on a sample conversation.
  if (spec.conversationTarget !== undefined) item.data.conversation = SAMPLE_CONVERSATION;
  return item;
}

export const SAMPLE_CONVERSATION = [
  { role: "user", content: "My order arrived cold." },
  { role: "assistant", content: "I'm sorry! Would you like a refund or a new delivery?" },
  { role: "user", content: "A refund, please." },
  { role: "assistant", content: "Done: the refund is on its way. **Sorry again** for the trouble." },
];

function builtInItem(spec: TLabelDefinitionSpec): TItemForValues {
  switch (spec.kind) {
    case "spans":
      return { data: { [spec.textField]: SAMPLE_TEXT } };
    case "pairwise": {
      const [a, b] = spec.textFields;
      const data: Record<string, unknown> = { [a]: SAMPLE_SIDE_A, [b]: SAMPLE_SIDE_B };
      if (spec.textField !== undefined) data[spec.textField] = SAMPLE_PROMPT;
      return { data };
    }
    case "ranking": {
      const data: Record<string, unknown> = {
        [spec.responsesField]: [
          SAMPLE_SIDE_A,
          SAMPLE_SIDE_B,
          "Please contact support.",
          "We will look into it.",
        ],
      };
      if (spec.promptField !== undefined) data[spec.promptField] = SAMPLE_PROMPT;
      return { data };
    }
    default:
      return { data: { text: SAMPLE_TEXT } };
  }
}
