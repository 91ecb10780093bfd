import { DataTable } from "@/components/ui/data-table";
import { auditActionLabel } from "@/lib/audit/audit-actions";
import type { TAuditEvent } from "@/lib/schemas/audit";

function describe(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(" · ");
}

export function AuditTable({ events }: { events: TAuditEvent[] }) {
  return (
    <DataTable
      caption="Audit events, newest first"
      rows={events}
      rowKey={(e) => e.id}
      columns={[
        {
          header: "When",
          cell: (e) => (
            <time dateTime={e.at}>{new Date(e.at).toLocaleString("en-GB", { timeZone: "UTC" })} UTC</time>
          ),
          className: "whitespace-nowrap",
        },
        { header: "Who", cell: (e) => e.actor?.name ?? "system" },
        {
          header: "Action",
          cell: (e) => (
            <>
              <span className="block">{auditActionLabel(e.action)}</span>
              <code className="text-xs text-slate-600">{e.action}</code>
            </>
          ),
        },
        { header: "Target", cell: (e) => `${e.target.type} ${e.target.id}`, className: "break-all" },
        {
          header: "Details",
          cell: (e) => describe(e.details),
          className: "break-all text-xs text-slate-700",
        },
      ]}
    />
  );
}
