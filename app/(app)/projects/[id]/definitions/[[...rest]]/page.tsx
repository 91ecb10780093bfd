import { permanentRedirect } from "next/navigation";

// Label definitions' pages were under /definitions before the capability got one name; bookmarks
// (with a version diff's ?from=&to=) still land.
export default async function OldDefinitionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; rest?: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id, rest = [] } = await params;
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(await searchParams)) {
    for (const one of [value ?? []].flat()) query.append(name, one);
  }
  const path = [id, "label-definitions", ...rest].map(encodeURIComponent).join("/");
  const search = query.size > 0 ? `?${query}` : "";
  permanentRedirect(`/projects/${path}${search}`);
}
