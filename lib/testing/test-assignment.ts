import { normalizeDefinition } from "@/lib/label-definitions/definition-spec";
import type { TLabelDefinitionInput } from "@/lib/label-definitions/definition-schema";
import type { TQueueAssignment } from "@/lib/client/queue/queue-api";

/** The six kinds, as a project would define them (for the workspace's unit tests). */
export const SIX_KINDS: TLabelDefinitionInput[] = [
  { key: "sentiment", kind: "single_choice", options: [{ key: "pos" }, { key: "neg" }] },
  { key: "topics", kind: "multi_choice", options: [{ key: "sports" }, { key: "politics" }] },
  { key: "stars", kind: "rating", min: 1, max: 5 },
  { key: "ents", kind: "spans", options: [{ key: "PER" }, { key: "ORG" }] },
  { key: "better", kind: "pairwise" },
  { key: "note", kind: "free_text", required: false },
];

/** A served assignment for unit tests; `id` names the assignment and the item. */
export function testAssignment(id: string, inputs: TLabelDefinitionInput[] = SIX_KINDS): TQueueAssignment {
  return {
    assignmentId: id,
    expiresAt: "2030-01-01T00:00:00.000Z",
    sidesFlipped: false,
    item: {
      id,
      externalId: `item-${id}`,
      data: { text: "Ada Lovelace met Babbage.", a: "one", b: "two" },
      predictions: null,
    },
    definitions: inputs.map((input, index) => {
      const spec = normalizeDefinition(input);
      return {
        key: spec.key,
        version: index + 1,
        title: spec.title,
        required: spec.required,
        guidelines: "",
        spec,
      };
    }),
  };
}
