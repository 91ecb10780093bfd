import type { Metadata } from "next";
import Link from "next/link";
import { ImportPanel } from "@/components/items/import-panel";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import { fieldsShownBy } from "@/lib/label-definitions/shown-fields";
import { itemPolicy } from "@/lib/policies/items";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { listBatches } from "@/lib/server/items/list-batches";
import { listLabelDefinitions } from "@/lib/server/label-definitions/list-label-definitions";
import { getProject } from "@/lib/server/projects/get-project";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { access } = await requirePageProject(id, itemPolicy.import);
  const [batches, project, definitions] = await Promise.all([
    listBatches(id),
    getProject(access),
    listLabelDefinitions(id),
  ]);
  return (
    <>
      <PageHeader
        title="Import items"
        subtitle="Each upload is one batch. It is all or nothing unless you skip bad records: a file with a bad record imports nothing and lists what is wrong."
      />
      <div className="space-y-6">
        <Card>
          <ImportPanel
            projectId={id}
            hiddenFields={project.hiddenFields ?? []}
            definitions={definitions.map((d) => ({
              key: d.key,
              title: d.title,
              shownFields: fieldsShownBy(d.spec as TLabelDefinitionSpec),
            }))}
          />
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
