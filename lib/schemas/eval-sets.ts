import { z } from "zod";
import { ZEvalSetFilter } from "@/lib/eval-sets/filter-schema";
import { ZReleaseGate } from "@/lib/eval-sets/gate-schema";
import { asRule } from "./rule-issue";

export { ZEvalSetFilter };

const ZFlag = z.enum(["true", "false"]).transform((v) => v === "true");
const ZSetName = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(200, "must be at most 200 characters")
  .regex(/^[^\s/\\][^/\\]*$/, "must not contain / or \\");

export const ZEvalSetParams = z.object({ id: z.uuid() });
export const ZVersionParams = z.object({
  id: z.uuid(),
  version: z
    .string()
    .regex(/^[1-9]\d{0,8}$/)
    .transform(Number),
});

export const ZCreateEvalSetInput = z
  .strictObject({
    name: ZSetName,
    description: z.string().max(5000, "must be at most 5000 characters").default(""),
    filter: ZEvalSetFilter.default({}),
    gate: ZReleaseGate.optional(),
  })
  .meta({ id: "CreateEvalSetInput" });
export type TCreateEvalSetInput = z.infer<typeof ZCreateEvalSetInput>;

export const ZUpdateEvalSetInput = z
  .strictObject({
    name: ZSetName.optional(),
    description: z.string().max(5000, "must be at most 5000 characters").optional(),
    filter: ZEvalSetFilter.optional(),
    gate: ZReleaseGate.nullable().optional().meta({ description: "null removes the gate" }),
  })
  .meta({ id: "UpdateEvalSetInput" });
export type TUpdateEvalSetInput = z.infer<typeof ZUpdateEvalSetInput>;

export const ZFreezeInput = z
  .strictObject({
    override: z
      .strictObject({ reason: z.string().max(2000, "must be at most 2000 characters").optional() })
      .refine((o) => Boolean(o.reason?.trim()), asRule("an override needs a reason", ["reason"]))
      .transform((o) => ({ reason: o.reason!.trim() }))
      .optional()
      .meta({ description: "Freeze although the set fails its release gate; the manifest keeps the reason" }),
  })
  .optional()
  .meta({ id: "FreezeInput" });

export const ZPreviewInput = z.strictObject({ filter: ZEvalSetFilter }).meta({ id: "EvalSetPreviewInput" });

const ZDistribution = z.record(z.string(), z.record(z.string(), z.number().int()));
const ZAgreementSummary = z.record(
  z.string(),
  z.object({
    metric: z.literal("percent_agreement"),
    value: z.number().nullable(),
    itemsCompared: z.number().int(),
  }),
);
const ZSources = z.record(
  z.string(),
  z.object({
    rule: z.number().int(),
    adjudication: z.number().int(),
    unresolved: z.number().int(),
    gold: z.number().int(),
  }),
);

export const ZEvalSetPreview = z
  .object({
    candidates: z.number().int().meta({ description: "Items the filter matches, before sampling" }),
    items: z.number().int().meta({ description: "Items a freeze would take now" }),
    annotations: z.number().int(),
    labelDistribution: ZDistribution,
    agreement: ZAgreementSummary,
    sources: ZSources,
    examples: z.array(
      z.object({
        itemId: z.string(),
        externalId: z.string().nullable(),
        preview: z.string(),
        labels: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .meta({ id: "EvalSetPreview" });
export type TEvalSetPreview = z.infer<typeof ZEvalSetPreview>;

const ZPerson = z.object({ id: z.string(), name: z.string() }).nullable();

export const ZEvalSetVersion = z
  .object({
    id: z.string(),
    evalSetId: z.string(),
    version: z.number().int(),
    itemCount: z.number().int(),
    byteCount: z.number().int().meta({ description: "Size of the canonical JSONL export" }),
    sha256: z.string().meta({ description: "sha256 of the canonical JSONL export (without annotations)" }),
    filter: z.record(z.string(), z.unknown()),
    frozenAt: z.string(),
    frozenBy: ZPerson,
  })
  .meta({ id: "EvalSetVersion" });
export type TEvalSetVersion = z.infer<typeof ZEvalSetVersion>;

export const ZEvalSetVersionDetail = ZEvalSetVersion.extend({
  manifest: z.record(z.string(), z.unknown()),
}).meta({ id: "EvalSetVersionDetail" });
export type TEvalSetVersionDetail = z.infer<typeof ZEvalSetVersionDetail>;

export const ZEvalSet = z
  .object({
    id: z.string(),
    projectId: z.string(),
    projectName: z.string(),
    name: z.string(),
    description: z.string(),
    filter: z.record(z.string(), z.unknown()),
    gate: ZReleaseGate.nullable(),
    createdBy: ZPerson,
    createdAt: z.string(),
    updatedAt: z.string(),
    versionCount: z.number().int(),
    latestVersion: ZEvalSetVersion.nullable(),
  })
  .meta({ id: "EvalSet" });
export type TEvalSet = z.infer<typeof ZEvalSet>;

export const ZEvalSetDetail = ZEvalSet.extend({ versions: z.array(ZEvalSetVersion) }).meta({
  id: "EvalSetDetail",
});
export type TEvalSetDetail = z.infer<typeof ZEvalSetDetail>;

export const ZEvalSetsQuery = z
  .strictObject({
    name: z.string().min(1).max(200).optional().meta({ description: "Exact name" }),
    project: z.uuid().optional().meta({ description: "Project id" }),
  })
  .meta({ id: "EvalSetsQuery" });
export type TEvalSetsQuery = z.infer<typeof ZEvalSetsQuery>;

export const EXPORT_FORMATS = [
  "jsonl",
  "csv",
  "parquet",
  "hf",
  "preference",
  "preference-hf",
  "label-studio",
  "prodigy",
] as const;
export type TExportFormat = (typeof EXPORT_FORMATS)[number];

export const ZExportQuery = z
  .strictObject({
    format: z.enum(EXPORT_FORMATS).default("jsonl"),
    annotations: ZFlag.default(false).meta({ description: "Include each item's individual annotations" }),
    annotators: z
      .enum(["anonymized", "raw"])
      .default("anonymized")
      .meta({ description: "How annotator ids are written with annotations; raw is for leads only" }),
    definition: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,63}$/)
      .optional()
      .meta({ description: "format=prodigy: the label definition the lines answer (default: the only one)" }),
    manifest: ZFlag.optional().meta({
      description:
        "Embed the manifest (parquet: file metadata; hf, preference-hf: manifest.json and the card). Default true",
    }),
  })
  .meta({ id: "ExportQuery" });
export type TExportQuery = z.infer<typeof ZExportQuery>;

export const ZDiffQuery = z
  .strictObject({
    from: z.coerce.number().int().min(1),
    to: z.coerce.number().int().min(1),
    limit: z.coerce.number().int().min(0).max(1000).default(100),
  })
  .meta({ id: "EvalSetDiffQuery" });
export type TDiffQuery = z.infer<typeof ZDiffQuery>;

const ZDiffRow = z.object({
  itemId: z.string(),
  externalId: z.string().nullable(),
  labels: z.record(z.string(), z.unknown()),
});
export const ZEvalSetDiff = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    added: z.object({ count: z.number().int(), items: z.array(ZDiffRow) }),
    removed: z.object({ count: z.number().int(), items: z.array(ZDiffRow) }),
    changed: z.object({
      count: z.number().int(),
      items: z.array(
        z.object({
          itemId: z.string(),
          externalId: z.string().nullable(),
          changes: z.array(z.object({ key: z.string(), before: z.unknown(), after: z.unknown() })),
        }),
      ),
    }),
    unchanged: z.number().int(),
    transitions: z.record(
      z.string(),
      z.array(z.object({ before: z.unknown(), after: z.unknown(), count: z.number().int() })),
    ),
  })
  .meta({ id: "EvalSetDiff" });
export type TEvalSetDiff = z.infer<typeof ZEvalSetDiff>;

export const ZVersionLineage = z
  .object({
    isStale: z.boolean(),
    newerDefinitions: z
      .array(z.object({ key: z.string(), frozenVersion: z.number().int(), currentVersion: z.number().int() }))
      .meta({ description: "Definitions the version carries that have a newer version now" }),
    items: z.number().int(),
    changedItems: z
      .number()
      .int()
      .meta({ description: "Items whose final label would differ if frozen today" }),
    removedItems: z.number().int().meta({ description: "Items deleted from the project since" }),
    changedByDefinition: z.array(z.object({ key: z.string(), items: z.number().int() })),
    campaigns: z
      .array(z.object({ id: z.string(), name: z.string() }))
      .meta({ description: "Relabel campaigns finished since the freeze that touched its items" }),
  })
  .meta({ id: "EvalSetVersionLineage" });
export type TVersionLineage = z.infer<typeof ZVersionLineage>;
