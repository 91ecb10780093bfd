import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import type { TEvalSetVersion } from "@/lib/schemas/eval-sets";
import { formatBytes, formatDate } from "./format-value";

/** The frozen versions of a set, newest first, each with its hash and a JSONL download. */
export function VersionsTable({ projectId, versions }: { projectId: string; versions: TEvalSetVersion[] }) {
  return (
    <DataTable
      caption="Frozen versions"
      rows={versions}
      rowKey={(v) => v.id}
      columns={[
        {
          header: "Version",
          cell: (v) => (
            <Link
              className="font-medium text-indigo-700 underline"
              href={`/projects/${projectId}/eval-sets/${v.evalSetId}/versions/${v.version}`}
            >
              v{v.version}
            </Link>
          ),
        },
        { header: "Items", cell: (v) => v.itemCount.toLocaleString("en-US"), className: "tabular-nums" },
        {
          header: "Frozen",
          cell: (v) => `${formatDate(v.frozenAt)} by ${v.frozenBy?.name ?? "(deleted user)"}`,
        },
        {
          header: "sha256 of the JSONL",
          cell: (v) => (
            <code className="font-mono text-xs break-all text-slate-800" title={v.sha256}>
              {v.sha256.slice(0, 16)}…
            </code>
          ),
        },
        {
          header: "Download",
          cell: (v) => (
            <a
              className="font-medium text-indigo-700 underline"
              href={`/api/v1/eval-sets/${v.evalSetId}/versions/${v.version}/export?format=jsonl`}
              download
            >
              JSONL ({formatBytes(v.byteCount)})
            </a>
          ),
        },
      ]}
    />
  );
}
