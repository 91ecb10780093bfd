import "server-only";
import { z } from "zod";
import { getPool } from "@/lib/db";
import { anonymizer } from "@/lib/export/anonymize";
import { jsonlStream } from "@/lib/export/canonical-jsonl";
import { csvStream } from "@/lib/export/csv";
import { hfDatasetTarGz } from "@/lib/export/hf-dataset";
import { parquetStream } from "@/lib/export/parquet";
import { hfPreferenceTarGz } from "@/lib/export/hf-preference";
import { preferenceStream } from "@/lib/export/preference";
import { prepareRows } from "@/lib/export/prepare-rows";
import type { TExportQuery } from "@/lib/schemas/eval-sets";
import { badRequest, unprocessable } from "@/lib/server/errors";
import type { TVersionForExport } from "./get-eval-set-version";
import { exportToolFormat } from "./export-tool-format";
import { readVersionJsonl } from "./read-version-jsonl";
import { readVersionRows } from "./read-version-rows";

export type TExportFile = {
  chunks: AsyncIterable<Uint8Array>;
  contentType: string;
  fileName: string;
  /** Known up front only for the canonical JSONL (the size recorded at the freeze). */
  contentLength: number | null;
  /** The sha256 of these bytes when recorded at the freeze (canonical JSONL, preference pairs). */
  sha256?: string;
};

const TYPES = {
  jsonl: { contentType: "application/x-ndjson", extension: "jsonl" },
  csv: { contentType: "text/csv; charset=utf-8", extension: "csv" },
  parquet: { contentType: "application/vnd.apache.parquet", extension: "parquet" },
  hf: { contentType: "application/gzip", extension: "hf.tar.gz" },
  preference: { contentType: "application/x-ndjson", extension: "preference.jsonl" },
  "preference-hf": { contentType: "application/gzip", extension: "preference.hf.tar.gz" },
  "label-studio": { contentType: "application/json", extension: "label-studio.json" },
  prodigy: { contentType: "application/x-ndjson", extension: "prodigy.jsonl" },
} as const;

/**
 * A frozen version in one of the export formats, streamed from the database. Deterministic: the same version and options give the same bytes. Annotator ids are
 * pseudonyms (keyed by the version id) unless `annotators=raw`, which the route allows leads only.
 */
export function exportEvalSetVersion(version: TVersionForExport, options: TExportQuery): TExportFile {
  const { format } = options;
  if (format === "preference" || format === "preference-hf") return preferenceFile(version, options);
  if (format === "label-studio" || format === "prodigy") {
    const keys = version.columns.labels;
    const definition = options.definition ?? (keys.length === 1 ? keys[0] : undefined);
    if (format === "prodigy" && (definition === undefined || !keys.includes(definition))) {
      throw badRequest("Prodigy lines answer one label definition: name it with ?definition=<key>.", [
        { path: "definition", message: `one of ${keys.join(", ")}` },
      ]);
    }
    return {
      chunks: exportToolFormat(version, { ...options, definition }),
      contentType: TYPES[format].contentType,
      fileName: `${slug(version.evalSetName)}-v${version.version}.${TYPES[format].extension}`,
      contentLength: null,
    };
  }
  const hasManifest = options.manifest ?? (format === "parquet" || format === "hf");
  if (hasManifest && (format === "jsonl" || format === "csv")) {
    throw badRequest(`A ${format} file has no place for the manifest: read it from the version instead.`, [
      { path: "manifest", message: `not available for ${format}` },
    ]);
  }
  const manifest = hasManifest ? version.manifest : undefined;
  const { columns } = version;
  const isCanonical = format === "jsonl" && !options.annotations;
  const rows = () => {
    const stored = readVersionRows(getPool(), version.id, {
      withAnnotations: options.annotations,
      prefetch: true,
    });
    return options.annotations
      ? prepareRows(stored, {
          includeAnnotations: true,
          annotators: options.annotators === "raw" ? "raw" : { anonymize: anonymizer(version.id) },
        })
      : stored;
  };
  // The canonical JSONL is the stored canonical text, streamed as is; every other file is encoded
  // from the parsed rows by lib/export.
  const chunks = isCanonical
    ? readVersionJsonl(getPool(), version.id, { prefetch: true })
    : format === "jsonl"
      ? jsonlStream(rows())
      : format === "csv"
        ? csvStream(rows(), { columns, annotations: options.annotations })
        : format === "parquet"
          ? parquetStream(rows, {
              columns,
              annotations: options.annotations,
              manifest,
              dataRows: () => readVersionRows(getPool(), version.id, { prefetch: true }),
            })
          : hfDatasetTarGz(rows(), {
              manifest,
              columns,
              rootDir: slug(version.evalSetName),
              expectedSha256: options.annotations ? undefined : version.sha256,
            });
  const suffix = options.annotations ? "-annotations" : "";
  return {
    chunks,
    contentType: TYPES[format].contentType,
    fileName: `${slug(version.evalSetName)}-v${version.version}${suffix}.${TYPES[format].extension}`,
    contentLength: isCanonical ? version.byteCount : null,
  };
}

/** A name safe in file names and tar paths. */
function slug(name: string): string {
  const cleaned = name
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+|-+$/g, "")
    .slice(0, 60);
  return cleaned || "eval-set";
}

/** The preference pairs of a version, from the sources its manifest recorded at the freeze. */
function preferenceFile(version: TVersionForExport, options: TExportQuery): TExportFile {
  const isFolder = options.format === "preference-hf";
  for (const flag of isFolder ? (["annotations"] as const) : (["annotations", "manifest"] as const)) {
    if (options[flag]) {
      throw badRequest(`A preference file has no place for ${flag}.`, [
        { path: flag, message: `not available for ${options.format}` },
      ]);
    }
  }
  const recorded = ZRecordedPreference.safeParse(version.manifest.preference);
  if (!recorded.success) {
    throw unprocessable(
      "This version has no ranking or pairwise label definition: there are no preference pairs.",
      [
        {
          path: "format",
          message: "preference needs a ranking or pairwise definition in the frozen version",
        },
      ],
    );
  }
  const rows = readVersionRows(getPool(), version.id, { prefetch: true });
  if (isFolder) {
    return {
      // The folder's data file is the recorded pairs, byte for byte: checked against their hash.
      chunks: hfPreferenceTarGz(rows, recorded.data.sources, {
        manifest: options.manifest === false ? undefined : version.manifest,
        rootDir: `${slug(version.evalSetName)}-preference`.slice(0, 60),
        expectedSha256: recorded.data.sha256,
      }),
      contentType: TYPES["preference-hf"].contentType,
      fileName: `${slug(version.evalSetName)}-v${version.version}.${TYPES["preference-hf"].extension}`,
      contentLength: null,
    };
  }
  return {
    chunks: preferenceStream(rows, recorded.data.sources),
    contentType: TYPES.preference.contentType,
    fileName: `${slug(version.evalSetName)}-v${version.version}.${TYPES.preference.extension}`,
    contentLength: recorded.data.bytes,
    sha256: recorded.data.sha256,
  };
}

const ZRecordedPreference = z.object({
  bytes: z.number().int(),
  sha256: z.string(),
  sources: z.array(
    z.union([
      z.object({
        key: z.string(),
        kind: z.literal("ranking"),
        promptField: z.string(),
        responsesField: z.string(),
      }),
      z.object({
        key: z.string(),
        kind: z.literal("pairwise"),
        promptField: z.string(),
        textFields: z.tuple([z.string(), z.string()]),
      }),
    ]),
  ),
});
