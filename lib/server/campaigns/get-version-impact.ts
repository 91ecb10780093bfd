import "server-only";
import type { TVersionImpact } from "@/lib/schemas/campaigns";
import { loadVersionCounts } from "@/lib/server/label-definitions/load-version-counts";

/**
 * Which items hold labels of a definition under which version (current annotations, by version):
 * what a new version leaves behind, and what a relabel campaign could take up.
 */
export async function getVersionImpact(projectId: string, key: string): Promise<TVersionImpact> {
  const counts = await loadVersionCounts(projectId, key);
  return {
    currentVersion: counts.currentVersion,
    versions: counts.versions.map(({ version, items }) => ({ version, items })),
  };
}
