import { permanentRedirect } from "next/navigation";

// The queue's page was at /label before the capability got one name; bookmarks still land.
export default async function OldLabelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  permanentRedirect(`/projects/${id}/queue`);
}
