import { z } from "zod";
import {
  ZVersionLineage,
  ZCreateEvalSetInput,
  ZDiffQuery,
  ZEvalSet,
  ZEvalSetDetail,
  ZEvalSetDiff,
  ZEvalSetParams,
  ZEvalSetPreview,
  ZEvalSetVersion,
  ZEvalSetVersionDetail,
  ZEvalSetsQuery,
  ZExportQuery,
  ZFreezeInput,
  ZPreviewInput,
  ZUpdateEvalSetInput,
  ZVersionParams,
} from "@/lib/schemas/eval-sets";
import { ZProjectParams } from "@/lib/schemas/params";
import { defineEndpoint, rawContent } from "./define-endpoint";

const filterExample = { definitions: ["sentiment"], resolution: "resolved" };

export const listEvalSets = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/eval-sets",
  tag: "eval sets",
  summary: "The project's eval sets",
  params: ZProjectParams,
  responses: { 200: z.object({ evalSets: z.array(ZEvalSet) }) },
});

export const createEvalSet = defineEndpoint({
  method: "POST",
  path: "/projects/{id}/eval-sets",
  tag: "eval sets",
  summary: "Define an eval set by a filter; {} takes every item with all required final labels",
  params: ZProjectParams,
  body: ZCreateEvalSetInput,
  responses: { 201: ZEvalSet },
  errors: { 409: "A set with that name exists", 422: "The filter does not fit this project" },
  examples: { body: { name: "sentiment-v1", filter: filterExample } },
});

export const previewEvalSet = defineEndpoint({
  method: "POST",
  path: "/projects/{id}/eval-sets/preview",
  tag: "eval sets",
  summary: "What a filter would freeze now: counts, label distribution, agreement",
  params: ZProjectParams,
  body: ZPreviewInput,
  responses: { 200: ZEvalSetPreview },
  errors: { 422: "The filter does not fit this project" },
  examples: { body: { filter: filterExample } },
});

export const findEvalSets = defineEndpoint({
  method: "GET",
  path: "/eval-sets",
  tag: "eval sets",
  summary: "Eval sets I can read, across projects, by exact name (how the CLI finds a set)",
  query: ZEvalSetsQuery,
  responses: { 200: z.object({ evalSets: z.array(ZEvalSet) }) },
  examples: { query: { name: "sentiment-v1" } },
});

export const getEvalSet = defineEndpoint({
  method: "GET",
  path: "/eval-sets/{id}",
  tag: "eval sets",
  summary: "An eval set and its frozen versions",
  params: ZEvalSetParams,
  responses: { 200: ZEvalSetDetail },
});

export const updateEvalSet = defineEndpoint({
  method: "PATCH",
  path: "/eval-sets/{id}",
  tag: "eval sets",
  summary: "Rename a set or change the filter of its next freeze",
  params: ZEvalSetParams,
  body: ZUpdateEvalSetInput,
  responses: { 200: ZEvalSet },
  errors: { 409: "A set with that name exists", 422: "The filter does not fit this project" },
  examples: { body: { filter: { ...filterExample, resolution: "adjudicated" } } },
});

export const freezeEvalSet = defineEndpoint({
  method: "POST",
  path: "/eval-sets/{id}/freeze",
  tag: "eval sets",
  summary:
    "Freeze the set's filter as its next immutable version; refused (409, errors per definition) when the items fail the set's release gate, unless overridden with a reason",
  params: ZEvalSetParams,
  body: ZFreezeInput,
  responses: { 201: ZEvalSetVersion },
  errors: {
    409: "Another freeze of this set is running, or the items fail the release gate",
    422: "No item matches the filter",
  },
  examples: { body: { override: { reason: "Known hard slice; v2 guidelines ship next week" } } },
});

export const diffEvalSetVersions = defineEndpoint({
  method: "GET",
  path: "/eval-sets/{id}/diff",
  tag: "eval sets",
  summary: "Items added, removed and relabeled between two versions",
  params: ZEvalSetParams,
  query: ZDiffQuery,
  responses: { 200: ZEvalSetDiff },
  examples: { query: { from: "1", to: "2", limit: "50" } },
});

export const getEvalSetVersion = defineEndpoint({
  method: "GET",
  path: "/eval-sets/{id}/versions/{version}",
  tag: "eval sets",
  summary: "A frozen version with its manifest",
  params: ZVersionParams,
  responses: { 200: ZEvalSetVersionDetail },
});

export const exportEvalSetVersion = defineEndpoint({
  method: "GET",
  path: "/eval-sets/{id}/versions/{version}/export",
  tag: "eval sets",
  summary:
    "Download a frozen version, streamed. The canonical JSONL (no annotations) hashes to the version's " +
    "sha256 and carries Content-Length; X-Concord-Sha256 always holds that recorded hash.",
  params: ZVersionParams,
  query: ZExportQuery,
  responses: {
    200: rawContent("The file, as an attachment", {
      "application/x-ndjson": {
        description:
          "format=jsonl: one item a line. format=preference: one line per ordered pair a ranking or pairwise " +
          "final label prefers, {item_id, external_id, definition, prompt, chosen, rejected}; its line count and " +
          "sha256 are in the manifest's preference block",
      },
      "text/csv": {
        description:
          "format=csv. A text cell starting with = + - @, tab or carriage return is prefixed with ' so " +
          "spreadsheets do not run it as a formula; the JSONL, Parquet and HF files hold the exact text.",
      },
      "application/vnd.apache.parquet": {
        format: "binary",
        description:
          "format=parquet. The items' data is a struct of typed, nested columns (string, bool, int64, " +
          "float64, list, struct) where every row agrees, canonical JSON text per field where not; the " +
          "file's key-value metadata concord.columns names each column's kind, concord.manifest holds the manifest",
      },
      "application/gzip": { format: "binary", description: "format=hf: a datasets folder, tar.gz" },
    }),
  },
  errors: {
    403: "Real annotator ids are for leads",
    422: "format=preference of a version without a ranking or pairwise definition",
  },
  examples: { query: { format: "jsonl", annotations: "true" } },
});

export const getVersionLineage = defineEndpoint({
  method: "GET",
  path: "/eval-sets/{id}/versions/{version}/lineage",
  tag: "eval sets",
  summary:
    "Whether a frozen version is stale: newer definition versions, items whose final label would differ today",
  params: ZVersionParams,
  responses: { 200: ZVersionLineage },
});
