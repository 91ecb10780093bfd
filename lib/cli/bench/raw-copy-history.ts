// The baseline of bench:import --with-annotations: the same rows written by plain COPY FROM STDIN
// into the same tables, with nothing parsed or checked, so the import's cost can be read as a ratio.
import type { PoolClient } from "pg";
import { createHash } from "node:crypto";
import { copyLinesInto } from "./copy-baseline";
import { syntheticAnnotator, syntheticText, syntheticValue } from "./synthetic-history";

/** COPY text rows for items [0, count), made 2,000 items at a time as the stream asks for them. */
function* chunked(count: number, rows: (from: number, to: number) => string): Iterable<string> {
  for (let at = 0; at < count; at += 2000) yield rows(at, Math.min(count, at + 2000));
}

export async function rawCopyHistory(
  client: PoolClient,
  options: {
    projectId: string;
    batchId: string;
    definitionId: string;
    items: number;
    labelsPerItem: number;
    annotators: number;
    userIds: string[];
  },
): Promise<void> {
  const { projectId, batchId, definitionId, items, labelsPerItem } = options;
  await client.query("BEGIN");
  // Reserve id blocks (nothing else writes during the benchmark).
  const firstItem = Number(
    (await client.query("SELECT setval('items_id_seq', nextval('items_id_seq') + $1) - $1 AS id", [items]))
      .rows[0].id,
  );
  const labels = items * labelsPerItem;
  const firstAssignment = Number(
    (
      await client.query(
        "SELECT setval('assignments_id_seq', nextval('assignments_id_seq') + $1) - $1 AS id",
        [labels],
      )
    ).rows[0].id,
  );
  const now = new Date().toISOString();
  const user = (i: number, k: number) =>
    options.userIds[Number(syntheticAnnotator(i, k, options.annotators).slice("worker-".length))];
  await copyLinesInto(
    client,
    "COPY items (id, project_id, batch_id, target_count, done_count, external_id, content_hash, data, priority) FROM STDIN",
    chunked(items, (from, to) => {
      let out = "";
      for (let i = from; i < to; i++) {
        const data = JSON.stringify({ source: "bench", text: syntheticText(i) });
        const hash = createHash("sha256").update(data).digest("hex");
        out += `${firstItem + i}\t${projectId}\t${batchId}\t${labelsPerItem}\t${labelsPerItem}\titem-${i}\t${hash}\t${data}\t0\n`;
      }
      return out;
    }),
  );
  const versions = JSON.stringify({ sentiment: 1 });
  await copyLinesInto(
    client,
    "COPY assignments (id, project_id, item_id, user_id, status, definition_versions, leased_at, expires_at, submitted_at, import_batch_id) FROM STDIN",
    chunked(items, (from, to) => {
      let out = "";
      for (let i = from; i < to; i++)
        for (let k = 0; k < labelsPerItem; k++)
          out += `${firstAssignment + i * labelsPerItem + k}\t${projectId}\t${firstItem + i}\t${user(i, k)}\tsubmitted\t${versions}\t${now}\t${now}\t${now}\t${batchId}\n`;
      return out;
    }),
  );
  await copyLinesInto(
    client,
    "COPY annotations (assignment_id, project_id, item_id, user_id, definition_id, definition_version, value, created_at) FROM STDIN",
    chunked(items, (from, to) => {
      let out = "";
      for (let i = from; i < to; i++)
        for (let k = 0; k < labelsPerItem; k++)
          out += `${firstAssignment + i * labelsPerItem + k}\t${projectId}\t${firstItem + i}\t${user(i, k)}\t${definitionId}\t1\t"${syntheticValue(i, k)}"\t${now}\n`;
      return out;
    }),
  );
  await client.query("COMMIT");
}
