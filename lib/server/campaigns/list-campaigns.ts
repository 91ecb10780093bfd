import "server-only";
import { getPool } from "@/lib/db";
import type { TCampaign } from "@/lib/schemas/campaigns";

type TRow = {
  id: string;
  name: string;
  key: string;
  definition_version: number;
  overlap: number;
  serve: "before" | "after";
  selection: Record<string, unknown>;
  item_count: number;
  done_items: number;
  done: number;
  needed: number;
  leased: number;
  from_versions: number[] | null;
  created_at: Date;
  completed_at: Date | null;
};

/** The project's campaigns, newest first (or one of them), each with its progress from the counters. */
export async function listCampaigns(projectId: string, campaignId?: string): Promise<TCampaign[]> {
  const { rows } = await getPool().query<TRow>(
    `SELECT c.id, c.name, d.key, c.definition_version, c.overlap, c.serve, c.selection, c.item_count,
            c.done_items, c.created_at, c.completed_at, p.done, p.needed, p.leased,
            (SELECT array_agg(DISTINCT n.definition_version ORDER BY n.definition_version)
               FROM campaign_items ci JOIN annotations n ON n.item_id = ci.item_id
              WHERE ci.campaign_id = c.id AND n.definition_id = c.definition_id AND n.is_current
                AND n.definition_version < c.definition_version) AS from_versions
       FROM campaigns c
       JOIN label_definitions d ON d.id = c.definition_id
       CROSS JOIN LATERAL (
         SELECT coalesce(sum(done_count), 0)::int AS done, coalesce(sum(target_count), 0)::int AS needed,
                coalesce(sum(lease_count), 0)::int AS leased
           FROM campaign_items WHERE campaign_id = c.id) p
      WHERE c.project_id = $1 AND ($2::uuid IS NULL OR c.id = $2)
      ORDER BY c.created_at DESC, c.id`,
    [projectId, campaignId ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    definitionKey: r.key,
    fromVersions: r.from_versions ?? [],
    version: r.definition_version,
    overlap: r.overlap,
    serve: r.serve,
    selection: r.selection,
    items: r.item_count,
    progress: { itemsDone: r.done_items, annotations: r.done, annotationsNeeded: r.needed, leased: r.leased },
    createdAt: r.created_at.toISOString(),
    completedAt: r.completed_at?.toISOString() ?? null,
  }));
}
