import "server-only";
import { ZReleaseGate } from "@/lib/eval-sets/gate-schema";
import type { TEvalSet, TEvalSetVersion } from "@/lib/schemas/eval-sets";

export type TVersionRow = {
  id: string;
  evalSetId: string;
  version: number;
  itemCount: number;
  byteCount: bigint | null;
  sha256: string | null;
  filter: unknown;
  sealedAt: Date | null;
  frozenBy: { id: string; name: string } | null;
};

export const VERSION_SELECT = {
  id: true,
  evalSetId: true,
  version: true,
  itemCount: true,
  byteCount: true,
  sha256: true,
  filter: true,
  sealedAt: true,
  frozenBy: { select: { id: true, name: true } },
} as const;

export function serializeVersion(row: TVersionRow): TEvalSetVersion {
  return {
    id: row.id,
    evalSetId: row.evalSetId,
    version: row.version,
    itemCount: row.itemCount,
    byteCount: Number(row.byteCount ?? 0),
    sha256: row.sha256 ?? "",
    filter: row.filter as Record<string, unknown>,
    frozenAt: (row.sealedAt ?? new Date(0)).toISOString(),
    frozenBy: row.frozenBy,
  };
}

export type TEvalSetRow = {
  id: string;
  projectId: string;
  name: string;
  description: string;
  filter: unknown;
  gate: unknown;
  createdAt: Date;
  updatedAt: Date;
  project: { name: string };
  createdBy: { id: string; name: string } | null;
  versions: TVersionRow[];
  _count: { versions: number };
};

/** With the latest version only: `versions` must hold at most that one, newest first. */
export const EVAL_SET_SELECT = {
  id: true,
  projectId: true,
  name: true,
  description: true,
  filter: true,
  gate: true,
  createdAt: true,
  updatedAt: true,
  project: { select: { name: true } },
  createdBy: { select: { id: true, name: true } },
  versions: { select: VERSION_SELECT, orderBy: { version: "desc" }, take: 1 },
  _count: { select: { versions: true } },
} as const;

export function serializeEvalSet(row: TEvalSetRow): TEvalSet {
  return {
    id: row.id,
    projectId: row.projectId,
    projectName: row.project.name,
    name: row.name,
    description: row.description,
    filter: row.filter as Record<string, unknown>,
    gate: row.gate === null ? null : ZReleaseGate.parse(row.gate),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    versionCount: row._count.versions,
    latestVersion: row.versions[0] ? serializeVersion(row.versions[0]) : null,
  };
}
