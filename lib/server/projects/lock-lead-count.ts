import "server-only";
import type { PoolClient } from "pg";
import type { TMember } from "@/lib/schemas/projects";
import { conflict, notFound } from "@/lib/server/errors";

type TRole = TMember["role"];

/**
 * The member's role now, refusing a change that would leave the project without a lead (`newRole`
 * null: they leave). The project row is locked first, so two leads demoting each other at once
 * cannot both pass.
 */
export async function ensureAnotherLead(
  client: PoolClient,
  projectId: string,
  userId: string,
  newRole: TRole | null,
): Promise<TRole> {
  await client.query("SELECT 1 FROM projects WHERE id = $1 FOR UPDATE", [projectId]);
  const { rows } = await client.query<{ role: TRole | null; others: number }>(
    `SELECT (SELECT role::text FROM memberships WHERE project_id = $1 AND user_id = $2) AS role,
            (SELECT count(*)::int FROM memberships WHERE project_id = $1 AND user_id <> $2 AND role = 'lead') AS others`,
    [projectId, userId],
  );
  const { role, others } = rows[0];
  if (role === null) throw notFound("Member");
  if (role === "lead" && newRole !== "lead" && others === 0) {
    throw conflict("The project would be left without a lead: make someone else lead first.", [
      { path: "role", message: "the last lead stays a lead" },
    ]);
  }
  return role;
}
