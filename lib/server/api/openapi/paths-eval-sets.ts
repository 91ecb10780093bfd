import "server-only";
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  ZCreateEvalSetInput,
  ZDiffQuery,
  ZEvalSet,
  ZEvalSetDetail,
  ZEvalSetDiff,
  ZEvalSetPreview,
  ZEvalSetVersion,
  ZEvalSetVersionDetail,
  ZEvalSetsQuery,
  ZExportQuery,
  ZPreviewInput,
  ZUpdateEvalSetInput,
} from "@/lib/schemas/eval-sets";
import {
  ZAdjudication,
  ZAdjudicationInput,
  ZAdjudicationItem,
  ZFinalLabelRule,
  ZFinalLabelRuleInput,
  ZFinalLabelsPage,
  ZFinalLabelsQuery,
  ZGoldAccuracy,
} from "@/lib/schemas/final-labels";
import { op } from "./op";

const project = z.object({ id: z.uuid().meta({ description: "Project id" }) });
const definition = project.extend({ key: z.string().meta({ description: "Definition key" }) });
const item = project.extend({ itemId: z.string().meta({ description: "Item id" }) });
const evalSet = z.object({ id: z.uuid().meta({ description: "Eval set id" }) });
const version = evalSet.extend({ version: z.string().meta({ description: "Version number: 1, 2, ..." }) });

const exportBase = op({
  summary:
    "Download a frozen version (lead, engineer), streamed. The canonical JSONL (no annotations) hashes to " +
    "the version's sha256 and carries Content-Length; X-Concord-Sha256 always holds that recorded hash.",
  tag: "eval sets",
  path: version,
  query: ZExportQuery,
  ok: [200, null],
});
const exportOp = {
  ...exportBase,
  responses: {
    ...exportBase.responses,
    200: {
      description: "The file, as an attachment",
      content: {
        "application/x-ndjson": { schema: { type: "string", description: "format=jsonl: one item a line" } },
        "text/csv": {
          schema: {
            type: "string",
            description:
              "format=csv. A text cell starting with = + - @, tab or carriage return is prefixed with ' so " +
              "spreadsheets do not run it as a formula; the JSONL, Parquet and HF files hold the exact text.",
          },
        },
        "application/vnd.apache.parquet": { schema: { type: "string", format: "binary" } },
        "application/gzip": {
          schema: { type: "string", format: "binary", description: "format=hf: a datasets folder, tar.gz" },
        },
      },
    },
  },
};

export const evalSetPaths: ZodOpenApiPathsObject = {
  "/projects/{id}/final-labels": {
    get: op({
      summary: "Items with their final labels; state=unresolved is the adjudication queue (lead)",
      tag: "final labels",
      path: project,
      query: ZFinalLabelsQuery,
      ok: [200, ZFinalLabelsPage],
    }),
  },
  "/projects/{id}/final-labels/rules": {
    get: op({
      summary: "How each definition's final labels are decided (lead, engineer)",
      tag: "final labels",
      path: project,
      ok: [200, z.object({ rules: z.array(ZFinalLabelRule) })],
    }),
  },
  "/projects/{id}/final-labels/rules/{key}": {
    put: op({
      summary: "Set a definition's final-label rule (lead)",
      tag: "final labels",
      path: definition,
      body: ZFinalLabelRuleInput,
      ok: [200, ZFinalLabelRule],
    }),
  },
  "/projects/{id}/final-labels/items/{itemId}": {
    get: op({
      summary: "An item's annotations side by side, final labels and decisions so far (lead)",
      tag: "final labels",
      path: item,
      ok: [200, ZAdjudicationItem],
    }),
  },
  "/projects/{id}/final-labels/items/{itemId}/adjudications": {
    post: op({
      summary: "Decide an item's final value for one definition, optionally as gold (lead); append-only",
      tag: "final labels",
      path: item,
      body: ZAdjudicationInput,
      ok: [201, ZAdjudication],
    }),
  },
  "/projects/{id}/final-labels/gold-accuracy": {
    get: op({
      summary: "Each annotator's accuracy on gold items, per definition (lead)",
      tag: "final labels",
      path: project,
      ok: [200, ZGoldAccuracy],
    }),
  },
  "/projects/{id}/eval-sets": {
    get: op({
      summary: "The project's eval sets (lead, engineer)",
      tag: "eval sets",
      path: project,
      ok: [200, z.object({ evalSets: z.array(ZEvalSet) })],
    }),
    post: op({
      summary: "Define an eval set by a filter (lead); {} takes every item with all required final labels",
      tag: "eval sets",
      path: project,
      body: ZCreateEvalSetInput,
      ok: [201, ZEvalSet],
    }),
  },
  "/projects/{id}/eval-sets/preview": {
    post: op({
      summary: "What a filter would freeze now: counts, label distribution, agreement (lead)",
      tag: "eval sets",
      path: project,
      body: ZPreviewInput,
      ok: [200, ZEvalSetPreview],
    }),
  },
  "/eval-sets": {
    get: op({
      summary: "Eval sets I can read, across projects, by exact name (how the CLI finds a set)",
      tag: "eval sets",
      query: ZEvalSetsQuery,
      ok: [200, z.object({ evalSets: z.array(ZEvalSet) })],
    }),
  },
  "/eval-sets/{id}": {
    get: op({
      summary: "An eval set and its frozen versions (lead, engineer)",
      tag: "eval sets",
      path: evalSet,
      ok: [200, ZEvalSetDetail],
    }),
    patch: op({
      summary: "Rename a set or change the filter of its next freeze (lead)",
      tag: "eval sets",
      path: evalSet,
      body: ZUpdateEvalSetInput,
      ok: [200, ZEvalSet],
    }),
  },
  "/eval-sets/{id}/freeze": {
    post: op({
      summary: "Freeze the set's filter as its next immutable version (lead)",
      tag: "eval sets",
      path: evalSet,
      ok: [201, ZEvalSetVersion],
    }),
  },
  "/eval-sets/{id}/diff": {
    get: op({
      summary: "Items added, removed and relabeled between two versions (lead, engineer)",
      tag: "eval sets",
      path: evalSet,
      query: ZDiffQuery,
      ok: [200, ZEvalSetDiff],
    }),
  },
  "/eval-sets/{id}/versions/{version}": {
    get: op({
      summary: "A frozen version with its manifest (lead, engineer)",
      tag: "eval sets",
      path: version,
      ok: [200, ZEvalSetVersionDetail],
    }),
  },
  "/eval-sets/{id}/versions/{version}/export": { get: exportOp },
};
