import { z } from "zod";
import { ZLabelDefinitionInput } from "@/lib/label-definitions/definition-schema";
import { LABEL_KINDS } from "@/lib/label-definitions/label-limits";

export { ZLabelDefinitionInput };

export const ZDefinitionParams = z.object({ id: z.uuid(), key: z.string().max(64) });

export const ZLabelDefinition = z
  .object({
    definitionId: z.string(),
    key: z.string(),
    kind: z.enum(LABEL_KINDS),
    version: z.number().int(),
    title: z.string(),
    guidelines: z.string(),
    required: z.boolean(),
    spec: z
      .record(z.string(), z.unknown())
      .meta({ description: "The normalized definition (all defaults filled)" }),
    specHash: z.string(),
    guidelinesHash: z.string(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
  })
  .meta({ id: "LabelDefinition" });
export type TLabelDefinition = z.infer<typeof ZLabelDefinition>;
