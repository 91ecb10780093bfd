import type { Metadata } from "next";
import { DefinitionEditor } from "@/components/label-definitions/definition-editor";
import { PageHeader } from "@/components/ui/card";
import { labelDefinitionPolicy } from "@/lib/policies/label-definitions";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { getSampleItem } from "@/lib/server/items/get-sample-item";

export const metadata: Metadata = { title: "New label definition" };

export default async function NewLabelDefinitionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageProject(id, labelDefinitionPolicy.create);
  const sampleItem = await getSampleItem(id);
  return (
    <>
      <PageHeader
        title="New label definition"
        subtitle="The preview shows what annotators will see, with this project's first item."
      />
      <DefinitionEditor projectId={id} sampleItem={sampleItem} />
    </>
  );
}
