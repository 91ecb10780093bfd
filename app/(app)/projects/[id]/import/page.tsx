import type { Metadata } from "next";
import Link from "next/link";
import { ImportPanel } from "@/components/items/import-panel";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { itemPolicy } from "@/lib/policies/items";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { listBatches } from "@/lib/server/items/list-batches";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageProject(id, itemPolicy.import);
  const batches = await listBatches(id);
  return (
    <>
      <PageHeader
        title="Import items"
        subtitle="Each upload is one batch. It is all or nothing: a file with a bad record imports nothing and lists what is wrong."
      />
      <div className="space-y-6">
        <Card>
          <ImportPanel projectId={id} />
        </Card>
        <Card title="Batches">
          {batches.length === 0 ? (
            <EmptyState title="No batches yet">Upload a file above.</EmptyState>
          ) : (
            <DataTable
              caption="Batches"
              rows={batches}
              rowKey={(b) => b.id}
              columns={[
                {
                  header: "Name",
                  cell: (b) => (
                    <Link
                      className="font-medium text-indigo-700 underline"
                      href={`/projects/${id}/items?batch=${b.id}`}
                    >
                      {b.name}
                    </Link>
                  ),
                },
                { header: "File", cell: (b) => b.sourceFileName ?? "—" },
                { header: "Format", cell: (b) => b.format },
                {
                  header: "Items",
                  cell: (b) => b.itemCount.toLocaleString("en-US"),
                  className: "tabular-nums",
                },
                {
                  header: "Duplicates skipped",
                  cell: (b) => b.duplicateCount.toLocaleString("en-US"),
                  className: "tabular-nums",
                },
                { header: "By", cell: (b) => b.createdBy ?? "—" },
                { header: "When", cell: (b) => new Date(b.createdAt).toLocaleString("en-GB") },
              ]}
            />
          )}
        </Card>
      </div>
    </>
  );
}
