// Test data for the final-label and eval-set integration tests: a project with items, a lead, an
// engineer, annotators and an outsider, and annotations written straight to the tables (the queue
// has its own tests; these need exact control over who said what).
import { POST as createDefinition } from "@/app/api/v1/projects/[id]/label-definitions/route";
import { POST as importRoute } from "@/app/api/v1/projects/[id]/items/route";
import { getPool } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { createTestProject, createTestUser } from "@/lib/testing/factories";

export const SENTIMENT = {
  key: "sentiment",
  kind: "single_choice",
  options: [{ key: "pos" }, { key: "neg" }, { key: "neu" }],
};

export async function createCurationProject(
  options: { items?: number; annotators?: number; overlap?: number; definitions?: unknown[] } = {},
) {
  const lead = await createTestUser();
  const engineer = await createTestUser();
  const outsider = await createTestUser();
  const annotators = await Promise.all(
    Array.from({ length: options.annotators ?? 3 }, () => createTestUser()),
  );
  const project = await createTestProject(
    [
      { userId: lead.id, role: "lead" },
      { userId: engineer.id, role: "engineer" },
      ...annotators.map((a) => ({ userId: a.id, role: "annotator" as const })),
    ],
    { overlap: options.overlap ?? 3 },
  );
  const params = { id: project.id };
  for (const json of options.definitions ?? [SENTIMENT]) {
    const res = await callRoute(createDefinition, { token: lead.token, params, json });
    if (res.status !== 201) throw new Error(`definition: ${JSON.stringify(res.body)}`);
  }
  const body = Array.from({ length: options.items ?? 6 }, (_, i) =>
    JSON.stringify({ externalId: `item-${i}`, data: { text: `Item number ${i}`, n: i } }),
  ).join("\n");
  const imported = await callRoute(importRoute, {
    token: lead.token,
    params,
    body,
    headers: { "content-type": "application/x-ndjson" },
  });
  if (imported.status !== 201) throw new Error(`import: ${JSON.stringify(imported.body)}`);
  const { rows } = await getPool().query<{ id: string }>(
    "SELECT id FROM items WHERE project_id = $1 ORDER BY id",
    [project.id],
  );
  return { lead, engineer, outsider, annotators, project, params, itemIds: rows.map((r) => r.id) };
}

/** One submitted assignment with a current annotation per given definition key. */
export async function annotate(
  projectId: string,
  itemId: string,
  userId: string,
  values: Record<string, unknown>,
): Promise<void> {
  const pool = getPool();
  const { rows: definitions } = await pool.query<{ id: string; key: string; current_version: number }>(
    "SELECT id, key, current_version FROM label_definitions WHERE project_id = $1 AND key = ANY($2::text[])",
    [projectId, Object.keys(values)],
  );
  const versions = Object.fromEntries(definitions.map((d) => [d.key, d.current_version]));
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO assignments (project_id, item_id, user_id, status, definition_versions, expires_at, submitted_at)
     VALUES ($1, $2, $3, 'submitted', $4, now(), now()) RETURNING id`,
    [projectId, itemId, userId, JSON.stringify(versions)],
  );
  await pool.query("UPDATE items SET done_count = done_count + 1 WHERE id = $1", [itemId]);
  for (const d of definitions) {
    const value = values[d.key];
    await pool.query(
      `INSERT INTO annotations (assignment_id, project_id, item_id, user_id, definition_id, definition_version, value)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
      [
        rows[0].id,
        projectId,
        itemId,
        userId,
        d.id,
        d.current_version,
        value === null ? null : JSON.stringify(value),
      ],
    );
  }
}

/** A new revision of an annotator's current annotation (the old one is retired, as the queue does). */
export async function reviseAnnotation(itemId: string, userId: string, key: string, value: unknown) {
  const pool = getPool();
  const { rows } = await pool.query<{ id: string }>(
    `UPDATE annotations a SET is_current = false
       FROM label_definitions d
      WHERE d.id = a.definition_id AND d.key = $3 AND a.item_id = $1 AND a.user_id = $2 AND a.is_current
      RETURNING a.id`,
    [itemId, userId, key],
  );
  await pool.query(
    `INSERT INTO annotations (assignment_id, project_id, item_id, user_id, definition_id, definition_version, value, revision)
     SELECT assignment_id, project_id, item_id, user_id, definition_id, definition_version, $2::jsonb, revision + 1
       FROM annotations WHERE id = $1`,
    [rows[0].id, JSON.stringify(value)],
  );
}
