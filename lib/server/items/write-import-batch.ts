import "server-only";
import type { PoolClient } from "pg";
import type { TImportRecord } from "@/lib/import/import-types";
import { copyField } from "./copy-text";
import { copyRows } from "./copy-rows";
import type { TCurrentDefinition } from "./load-current-definitions";
import { resolveAnnotators } from "./resolve-annotators";

export type TImportTarget = {
  projectId: string;
  batchId: string;
  overlap: number;
  definitions: ReadonlyMap<string, TCurrentDefinition>;
  /** Annotator name → user id, filled as the import goes. */
  annotators: Map<string, string>;
  /** The time given to annotations that carry none (ISO). */
  now: string;
};

const ITEMS =
  "items (project_id, batch_id, target_count, done_count, external_id, content_hash, data, predictions, priority)";
const ITEMS_WITH_IDS = `items (id, ${ITEMS.slice("items (".length)}`;
const ASSIGNMENTS =
  "assignments (id, project_id, item_id, user_id, status, definition_versions, leased_at, expires_at, submitted_at, import_batch_id)";
const ANNOTATIONS =
  "annotations (assignment_id, project_id, item_id, user_id, definition_id, definition_version, value, created_at)";

/**
 * Writes one batch of new records: items, and for their imported labels a submitted assignment per
 * annotator and an annotation per value, each table by COPY (raw SQL: COPY is what makes millions
 * of rows a matter of seconds). Ids are drawn from the tables' sequences first so annotations can
 * point at their items without a round trip per row. An item imported with k labels starts with
 * done_count k, so the queue serves it only overlap - k more times (target_count grows to k when
 * more came in than the project's overlap). Returns once the COPYs have started, with a promise
 * of their completion: the caller parses the next records meanwhile and waits before its next query.
 */
export async function writeImportBatch(
  client: PoolClient,
  target: TImportTarget,
  records: readonly TImportRecord[],
): Promise<{ annotations: number; done: Promise<void> }> {
  const { projectId, batchId, overlap } = target;
  let assignmentCount = 0;
  for (const r of records) assignmentCount += r.annotations?.length ?? 0;
  if (assignmentCount === 0) {
    let chunk = "";
    const prefix = `${projectId}\t${batchId}\t${overlap}\t0\t`;
    for (const r of records) chunk += prefix + itemTail(r);
    return { annotations: 0, done: copyRows(client, `COPY ${ITEMS} FROM STDIN`, chunk) };
  }
  await resolveAnnotators(
    client,
    projectId,
    records.flatMap((r) => (r.annotations ?? []).map((a) => a.annotator)),
    target.annotators,
  );
  const ids = await client.query<{ items: string[]; assignments: string[] }>(
    `SELECT ARRAY(SELECT nextval('items_id_seq') FROM generate_series(1, $1))::text[] AS items,
            ARRAY(SELECT nextval('assignments_id_seq') FROM generate_series(1, $2))::text[] AS assignments`,
    [records.length, assignmentCount],
  );
  const itemIds = ids.rows[0].items;
  const assignmentIds = ids.rows[0].assignments;
  let items = "";
  let assignments = "";
  let annotations = "";
  let annotationCount = 0;
  let next = 0;
  records.forEach((r, index) => {
    const itemId = itemIds[index];
    const labels = r.annotations ?? [];
    const done = labels.length;
    items += `${itemId}\t${projectId}\t${batchId}\t${Math.max(overlap, done)}\t${done}\t${itemTail(r)}`;
    for (const label of labels) {
      const assignmentId = assignmentIds[next++];
      const userId = target.annotators.get(label.annotator)!;
      const at = label.createdAt ?? target.now;
      const versions: Record<string, number> = {};
      for (const key of Object.keys(label.values)) {
        const definition = target.definitions.get(key)!;
        versions[key] = definition.version;
        annotations += `${assignmentId}\t${projectId}\t${itemId}\t${userId}\t${definition.id}\t${definition.version}\t${copyField(
          JSON.stringify(label.values[key]),
        )}\t${at}\n`;
        annotationCount++;
      }
      assignments += `${assignmentId}\t${projectId}\t${itemId}\t${userId}\tsubmitted\t${copyField(
        JSON.stringify(versions),
      )}\t${at}\t${at}\t${at}\t${batchId}\n`;
    }
  });
  // One after the other: a client runs one query at a time, and each COPY needs the rows before it.
  const done = copyRows(client, `COPY ${ITEMS_WITH_IDS} FROM STDIN`, items)
    .then(() => copyRows(client, `COPY ${ASSIGNMENTS} FROM STDIN`, assignments))
    .then(() => copyRows(client, `COPY ${ANNOTATIONS} FROM STDIN`, annotations));
  return { annotations: annotationCount, done };
}

function itemTail(r: TImportRecord): string {
  return `${copyField(r.externalId)}\t${r.contentHash}\t${copyField(r.dataJson)}\t${copyField(
    r.predictions ? JSON.stringify(r.predictions) : null,
  )}\t${r.priority}\n`;
}
