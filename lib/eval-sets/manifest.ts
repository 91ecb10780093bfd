/**
 * The manifest of a frozen eval-set version: what it holds and how it was made. Stored with the
 * version, served by the API, embedded in Parquet and Hugging Face exports. A plain JSON object
 * (canonical JSON makes its bytes stable); `format` names this shape so readers can tell versions
 * of it apart.
 */
import type { TExportColumns } from "@/lib/export/export-row";
import type { TPreferenceSource } from "@/lib/export/preference";
import type { TEvalSetFilter } from "./filter-schema";
import type { TSetStatistics } from "./set-statistics";

export const MANIFEST_FORMAT = "concord.eval-set-manifest/1";

export type TManifestDefinition = {
  key: string;
  title: string;
  kind: string;
  required: boolean;
  /** The final-label rule in words, as it was at the freeze. */
  rule: string;
  /** The version current at the freeze (adjudications answer it) and those the annotations answered. */
  currentVersion: number;
  versions: { version: number; specHash: string; guidelinesHash: string }[];
};

export type TManifestInput = {
  evalSet: { id: string; name: string; description: string };
  project: { id: string; name: string };
  version: number;
  versionId: string;
  filter: TEvalSetFilter;
  candidates: number;
  statistics: TSetStatistics;
  definitions: TManifestDefinition[];
  columns: TExportColumns;
  sha256: string;
  /** The preference JSONL (format=preference): null when no ranking or pairwise definition. */
  preference?: { sources: TPreferenceSource[]; lines: number; bytes: number; sha256: string } | null;
  bytes: number;
  frozenBy: { id: string; name: string };
  frozenAt: string;
};

export function buildManifest(input: TManifestInput): Record<string, unknown> {
  const { statistics } = input;
  return {
    format: MANIFEST_FORMAT,
    name: input.evalSet.name,
    description: input.evalSet.description,
    evalSetId: input.evalSet.id,
    version: input.version,
    evalSetVersionId: input.versionId,
    project: input.project,
    frozenAt: input.frozenAt,
    frozenBy: input.frozenBy,
    sha256: input.sha256,
    jsonlBytes: input.bytes,
    filter: input.filter,
    counts: {
      items: statistics.items,
      candidates: input.candidates,
      annotations: statistics.annotations,
    },
    labelDistribution: statistics.labelDistribution,
    finalLabelSources: statistics.sources,
    agreement: statistics.agreement,
    definitions: input.definitions,
    columns: input.columns,
    ...(input.preference ? { preference: input.preference } : {}),
  };
}
