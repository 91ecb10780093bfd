import type { Metadata } from "next";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { auditPolicy } from "@/lib/policies/audit";
import { ZAuditQuery } from "@/lib/schemas/audit";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { listMembers } from "@/lib/server/projects/list-members";

export const metadata: Metadata = { title: "Audit trail" };

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  await requirePageProject(id, auditPolicy.listProject);
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter(([, v]) => typeof v === "string" && v !== ""),
  );
  // A hand-edited URL with a bad filter shows everything rather than an error page.
  const parsed = ZAuditQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : ZAuditQuery.parse({});
  const [page, members] = await Promise.all([listAuditEvents(id, query), listMembers(id)]);
  const { after: _after, limit: _limit, ...filters } = query;
  const next = page.nextCursor
    ? `?${new URLSearchParams({ ...(filters as Record<string, string>), after: page.nextCursor })}`
    : null;
  return (
    <>
      <PageHeader
        title="Audit trail"
        subtitle="Who changed what, and when. Every entry was written with the change it records and can never be edited."
      />
      <div className="space-y-6">
        <Card>
          <AuditFilters
            query={filters}
            actors={members.members.map((m) => ({ id: m.userId, name: m.name }))}
          />
        </Card>
        <Card title={query.after ? "Older events" : "Latest events"}>
          {page.events.length === 0 ? (
            <EmptyState title="No events">Nothing matches these filters.</EmptyState>
          ) : (
            <AuditTable events={page.events} />
          )}
          {next ? (
            <p className="mt-4 text-sm">
              <a className="font-medium text-indigo-700 underline" href={next}>
                Older events →
              </a>
            </p>
          ) : null}
        </Card>
      </div>
    </>
  );
}
