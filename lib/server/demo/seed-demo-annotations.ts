import "server-only";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { withTransaction } from "@/lib/server/db/with-transaction";

/** Items left without annotations, so a newcomer signing in as the demo annotator has work to do. */
export const DEMO_OPEN_ITEMS = 120;

type TDynasentRecord = { text_id: string; label_distribution: Record<string, string[]> };

/**
 * Turns DynaSent's real crowd labels (five workers per sentence) into Concord annotations: each
 * worker becomes a demo account that cannot sign in, and each label an annotation through a
 * submitted assignment, with the item counters to match. The dataset has no timestamps: submission
 * times are spread over the four weeks before seeding, in dataset order, so the trend charts have a
 * time axis. The last DEMO_OPEN_ITEMS items stay open.
 */
export async function seedDemoAnnotations(projectId: string, datasetFile: string): Promise<number> {
  const records: TDynasentRecord[] = [];
  const lines = createInterface({ input: createReadStream(datasetFile, "utf8"), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim()) records.push(JSON.parse(line) as TDynasentRecord);
  const labeled = records.slice(0, Math.max(0, records.length - DEMO_OPEN_ITEMS));
  const rows = labeled.flatMap((r, index) =>
    Object.entries(r.label_distribution).flatMap(([label, workers]) =>
      workers.map((worker) => ({ externalId: r.text_id, worker, label, index })),
    ),
  );
  const workers = [...new Set(rows.map((r) => r.worker))].sort();
  return withTransaction(async (client) => {
    const existing = await client.query("SELECT 1 FROM annotations WHERE project_id = $1 LIMIT 1", [
      projectId,
    ]);
    if (existing.rowCount) return 0;
    await client.query(
      `INSERT INTO users (email, name, password_hash, disabled_at)
       SELECT w || '@dynasent.example', 'DynaSent worker ' || w, '!', now() FROM unnest($1::text[]) AS w
       ON CONFLICT (email) DO NOTHING`,
      [workers],
    );
    await client.query(
      `INSERT INTO memberships (project_id, user_id, role)
       SELECT $1, u.id, 'annotator' FROM users u WHERE u.email = ANY($2::text[])
       ON CONFLICT DO NOTHING`,
      [projectId, workers.map((w) => `${w}@dynasent.example`)],
    );
    const span = labeled.length;
    await client.query(
      `WITH src AS (
         SELECT * FROM jsonb_to_recordset($2::jsonb) AS s("externalId" text, worker text, label text, index int)),
       def AS (SELECT d.id, d.current_version AS version FROM label_definitions d WHERE d.project_id = $1 AND d.key = 'sentiment'),
       rows AS (
         SELECT i.id AS item_id, u.id AS user_id, s.label,
                now() - interval '28 days' + (s.index::float / $3) * interval '27 days'
                  + (row_number() OVER (PARTITION BY i.id ORDER BY u.email)) * interval '3 minutes' AS at
           FROM src s JOIN items i ON i.project_id = $1 AND i.external_id = s."externalId"
           JOIN users u ON u.email = s.worker || '@dynasent.example'),
       assigned AS (
         INSERT INTO assignments (project_id, item_id, user_id, status, definition_versions, leased_at, expires_at, submitted_at)
         SELECT $1, r.item_id, r.user_id, 'submitted', jsonb_build_object('sentiment', (SELECT version FROM def)),
                r.at - interval '40 seconds', r.at + interval '15 minutes', r.at
           FROM rows r
         RETURNING id, item_id, user_id, submitted_at)
       INSERT INTO annotations (assignment_id, project_id, item_id, user_id, definition_id, definition_version, value, time_spent_ms, created_at)
       SELECT a.id, $1, a.item_id, a.user_id, (SELECT id FROM def), (SELECT version FROM def), to_jsonb(r.label), 40000, a.submitted_at
         FROM assigned a JOIN rows r ON r.item_id = a.item_id AND r.user_id = a.user_id`,
      [projectId, JSON.stringify(rows), span],
    );
    // Each DynaSent sentence was labeled by five workers: the demo project asks for five.
    await client.query(
      `UPDATE items i SET done_count = c.n, target_count = GREATEST(i.target_count, c.n)
         FROM (SELECT item_id, count(*)::int AS n FROM assignments WHERE project_id = $1 AND status = 'submitted' GROUP BY item_id) c
        WHERE i.id = c.item_id`,
      [projectId],
    );
    return rows.length;
  });
}
