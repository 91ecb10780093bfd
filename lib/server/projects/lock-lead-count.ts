import "server-only";
import type { PoolClient } from "pg";
import { conflict, notFound } from "@/lib/server/errors";

/**
 * Refuses a change that would leave the project without a lead. The project row is locked first, so
 * two leads demoting each other at once cannot both pass.
 */
export async function ensureAnotherLead(
  client: PoolClient,
  projectId: string,
  userId: string,
): Promise<void> {
  await client.query("SELECT 1 FROM projects WHERE id = $1 FOR UPDATE", [projectId]);
  const { rows } = await client.query<{ role: string | null; others: number }>(
    `SELECT (SELECT role::text FROM memberships WHERE project_id = $1 AND user_id = $2) AS role,
            (SELECT count(*)::int FROM memberships WHERE project_id = $1 AND user_id <> $2 AND role = 'lead') AS others`,
    [projectId, userId],
  );
  if (rows[0].role === null) throw notFound("Member");
  if (rows[0].role === "lead" && rows[0].others === 0) {
    throw conflict("The project would be left without a lead: make someone else lead first.", [
      { path: "role", message: "the last lead stays a lead" },
    ]);
  }
}
