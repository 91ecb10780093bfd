"use client";

import { useQuery } from "@tanstack/react-query";
import { DataTable } from "@/components/ui/data-table";
import { callApi } from "@/lib/client/api";
import * as endpoints from "@/lib/endpoints/webhooks";

const STATE_STYLE = {
  delivered: "bg-emerald-100 text-emerald-900",
  pending: "bg-amber-100 text-amber-900",
  failed: "bg-red-100 text-red-900",
} as const;

/** The hook's latest deliveries, refreshed every few seconds while the page is open. */
export function DeliveryLog({ projectId, hookId }: { projectId: string; hookId: string }) {
  const log = useQuery({
    queryKey: ["projects", projectId, "webhooks", hookId, "deliveries"],
    queryFn: () =>
      callApi(endpoints.listWebhookDeliveries, { params: { id: projectId, hookId }, query: { limit: 20 } }),
    refetchInterval: 2000,
  });
  if (!log.data) return <p className="text-sm text-slate-600">Loading the delivery log…</p>;
  if (log.data.deliveries.length === 0) return <p className="text-sm text-slate-600">Nothing sent yet.</p>;
  return (
    <DataTable
      caption="Delivery log"
      rows={log.data.deliveries}
      rowKey={(d) => d.id}
      columns={[
        { header: "Event", cell: (d) => <code className="text-xs">{d.event}</code> },
        {
          header: "State",
          cell: (d) => (
            <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATE_STYLE[d.state]}`}>
              {d.state}
            </span>
          ),
        },
        { header: "Attempts", cell: (d) => d.attempts },
        { header: "Response", cell: (d) => (d.responseStatus === null ? "—" : `HTTP ${d.responseStatus}`) },
        { header: "Time", cell: (d) => (d.responseMs === null ? "—" : `${d.responseMs} ms`) },
        { header: "Error", cell: (d) => d.error ?? "", className: "break-all text-xs" },
        {
          header: "Created",
          cell: (d) => new Date(d.createdAt).toLocaleString("en-GB", { timeZone: "UTC" }),
          className: "whitespace-nowrap",
        },
      ]}
    />
  );
}
