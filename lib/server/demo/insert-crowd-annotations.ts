import "server-only";
import type { PoolClient } from "pg";

export type TCrowdLabel = {
  externalId: string;
  /** The worker's id in the dataset; becomes a disabled account `<worker>@<emailDomain>`. */
  worker: string;
  value: unknown;
  /** Position in the dataset, spreading submission times in dataset order. */
  index: number;
};

/**
 * Turns a dataset's crowd labels into Concord annotations of one definition: each worker becomes an
 * account that cannot sign in and an annotator of the project, each label an annotation through a
 * submitted assignment, with the item counters to match. Datasets rarely carry timestamps:
 * submission times are spread over the `days` before now, in dataset order, so trends and drift
 * have a time axis. Items are matched by external id; labels for unknown items are left out.
 */
export async function insertCrowdAnnotations(
  client: PoolClient,
  options: {
    projectId: string;
    definitionKey: string;
    labels: readonly TCrowdLabel[];
    emailDomain: string;
    namePrefix: string;
    days?: number;
  },
): Promise<void> {
  const { projectId, labels, emailDomain } = options;
  const days = options.days ?? 28;
  const workers = [...new Set(labels.map((r) => r.worker))].sort();
  await client.query(
    `INSERT INTO users (email, name, password_hash, disabled_at)
     SELECT w || '@' || $2, $3 || w, '!', now() FROM unnest($1::text[]) AS w
     ON CONFLICT (email) DO NOTHING`,
    [workers, emailDomain, options.namePrefix],
  );
  await client.query(
    `INSERT INTO memberships (project_id, user_id, role)
     SELECT $1, u.id, 'annotator' FROM users u WHERE u.email = ANY($2::text[])
     ON CONFLICT DO NOTHING`,
    [projectId, workers.map((w) => `${w}@${emailDomain}`)],
  );
  const span = Math.max(1, 1 + Math.max(0, ...labels.map((r) => r.index)));
  await client.query(
    `WITH src AS (
       SELECT * FROM jsonb_to_recordset($2::jsonb) AS s("externalId" text, worker text, value jsonb, index int)),
     def AS (SELECT d.id, d.key, d.current_version AS version FROM label_definitions d WHERE d.project_id = $1 AND d.key = $4),
     rows AS (
       SELECT i.id AS item_id, u.id AS user_id, s.value,
              now() - interval '1 day' * $5 + (s.index::float / $3) * interval '1 day' * ($5 - 1)
                + (row_number() OVER (PARTITION BY i.id ORDER BY u.email)) * interval '3 minutes' AS at
         FROM src s JOIN items i ON i.project_id = $1 AND i.external_id = s."externalId"
         JOIN users u ON u.email = s.worker || '@' || $6),
     assigned AS (
       INSERT INTO assignments (project_id, item_id, user_id, status, definition_versions, leased_at, expires_at, submitted_at)
       SELECT $1, r.item_id, r.user_id, 'submitted', jsonb_build_object((SELECT key FROM def), (SELECT version FROM def)),
              r.at - interval '40 seconds', r.at + interval '15 minutes', r.at
         FROM rows r
       RETURNING id, item_id, user_id, submitted_at)
     INSERT INTO annotations (assignment_id, project_id, item_id, user_id, definition_id, definition_version, value, time_spent_ms, created_at)
     SELECT a.id, $1, a.item_id, a.user_id, (SELECT id FROM def), (SELECT version FROM def), r.value, 40000, a.submitted_at
       FROM assigned a JOIN rows r ON r.item_id = a.item_id AND r.user_id = a.user_id`,
    [projectId, JSON.stringify(labels), span, options.definitionKey, days, emailDomain],
  );
  await client.query(
    `UPDATE items i SET done_count = c.n, target_count = GREATEST(i.target_count, c.n)
       FROM (SELECT item_id, count(*)::int AS n FROM assignments WHERE project_id = $1 AND status = 'submitted' GROUP BY item_id) c
      WHERE i.id = c.item_id`,
    [projectId],
  );
}
