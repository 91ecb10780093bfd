import "server-only";
import { getPool } from "@/lib/db";
import type { TCreateCampaignInput } from "@/lib/schemas/campaigns";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { conflict, unprocessable } from "@/lib/server/errors";
import { enqueueWebhookEvent } from "@/lib/server/webhooks/enqueue-webhook-event";
import { selectCampaignItems } from "./select-campaign-items";

/**
 * Starts a relabel campaign: the selected items that hold labels of the definition under an older
 * version go back into the queue for its current version, with the campaign's overlap. Items
 * already in a campaign toward that version are left out (they are being relabeled). 422 when the
 * selection is empty, or when none of its items needs relabeling (their labels are already current).
 */
export async function createCampaign(
  projectId: string,
  input: TCreateCampaignInput,
  userId: string,
): Promise<{ id: string; items: number }> {
  const pool = getPool();
  const definitions = await pool.query<{ id: string; current_version: number; overlap: number }>(
    `SELECT d.id, d.current_version, p.overlap FROM label_definitions d JOIN projects p ON p.id = d.project_id
      WHERE d.project_id = $1 AND d.key = $2`,
    [projectId, input.definitionKey],
  );
  const definition = definitions.rows[0];
  if (!definition) {
    throw unprocessable("There is no such label definition.", [
      { path: "definitionKey", message: `unknown definition "${input.definitionKey}"` },
    ]);
  }
  const selected = await selectCampaignItems(pool, projectId, definition.id, input.filter);
  if (selected.length === 0) {
    throw unprocessable("The selection holds no items.", [{ path: "filter", message: "selects no items" }]);
  }
  return withTransaction(async (client) => {
    const taken = await client.query("SELECT 1 FROM campaigns WHERE project_id = $1 AND name = $2", [
      projectId,
      input.name,
    ]);
    if (taken.rowCount)
      throw conflict("A campaign of that name exists.", [{ path: "name", message: "taken" }]);
    const due = await client.query<{ item_id: string }>(
      `SELECT DISTINCT n.item_id FROM annotations n
        WHERE n.definition_id = $1 AND n.is_current AND n.definition_version < $2
          AND n.item_id = ANY($3::bigint[])
          AND NOT EXISTS (SELECT 1 FROM campaign_items ci JOIN campaigns c ON c.id = ci.campaign_id
                           WHERE ci.item_id = n.item_id AND c.definition_id = $1 AND c.definition_version = $2)`,
      [definition.id, definition.current_version, selected],
    );
    if (due.rows.length === 0) {
      throw unprocessable(
        `The selected items already have "${input.definitionKey}" labels under version ${definition.current_version}, the current one (or are being relabeled toward it).`,
        [
          {
            path: "definitionKey",
            message: `no selected item holds labels under a version before ${definition.current_version}`,
          },
        ],
      );
    }
    const overlap = input.overlap ?? definition.overlap;
    const serve = input.serve ?? "before";
    const created = await client.query<{ id: string }>(
      `INSERT INTO campaigns (project_id, definition_id, definition_version, name, overlap, serve, selection, item_count, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        projectId,
        definition.id,
        definition.current_version,
        input.name,
        overlap,
        serve,
        JSON.stringify(input.filter),
        due.rows.length,
        userId,
      ],
    );
    const id = created.rows[0].id;
    await client.query(
      `INSERT INTO campaign_items (campaign_id, item_id, project_id, is_served_first, target_count)
       SELECT $1, item_id, $2, $3, $4 FROM unnest($5::bigint[]) AS item_id`,
      [id, projectId, serve === "before", overlap, due.rows.map((r) => r.item_id)],
    );
    const facts = {
      name: input.name,
      definitionKey: input.definitionKey,
      definitionVersion: definition.current_version,
      items: due.rows.length,
      overlap,
      serve,
    };
    await recordAuditEvent(client, {
      projectId,
      actor: { id: userId },
      action: "campaign.created",
      target: { type: "campaign", id },
      details: facts,
    });
    await enqueueWebhookEvent(client, projectId, "campaign.created", { campaignId: id, ...facts });
    return { id, items: due.rows.length };
  });
}
