import "server-only";
import { getPool } from "@/lib/db";
import type { TAuditEvent, TAuditPage, TAuditQuery } from "@/lib/schemas/audit";

type TRow = {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_type: string;
  target_id: string;
  details: Record<string, unknown>;
};

/**
 * One page of audit events, newest first, keyset-paged on the id (no OFFSET scans). `projectId`
 * null lists every event, instance-wide ones included (admins).
 */
export async function listAuditEvents(projectId: string | null, query: TAuditQuery): Promise<TAuditPage> {
  const where = ["($1::uuid IS NULL OR project_id = $1::uuid)"];
  const args: unknown[] = [projectId];
  const add = (sql: string, value: unknown) => {
    args.push(value);
    where.push(sql.replace("?", `$${args.length}`));
  };
  if (query.after) add("id < ?::bigint", query.after);
  if (query.action) add("action = ?", query.action);
  if (query.actor) add("actor_id = ?::uuid", query.actor);
  if (query.from) add("at >= ?::date", query.from);
  // `to` is a whole day: everything before the next midnight (UTC).
  if (query.to) add("at < ?::date + 1", query.to);
  args.push(query.limit + 1);
  const { rows } = await getPool().query<TRow>(
    `SELECT id::text, at, actor_id, actor_name, action, target_type, target_id, details
       FROM audit_events WHERE ${where.join(" AND ")}
      ORDER BY audit_events.id DESC LIMIT $${args.length}`,
    args,
  );
  const page = rows.slice(0, query.limit);
  return {
    events: page.map(serialize),
    nextCursor: rows.length > query.limit ? page[page.length - 1].id : null,
  };
}

function serialize(row: TRow): TAuditEvent {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actor_id ? { id: row.actor_id, name: row.actor_name } : null,
    action: row.action,
    target: { type: row.target_type, id: row.target_id },
    details: row.details,
  };
}
