import "server-only";
import { canonicalJsonFast } from "@/lib/label-definitions/canonical-json-fast";
import type { TDb, TDefinitionContext } from "@/lib/server/final-labels/load-label-context";
import type { TScannedItem } from "@/lib/server/final-labels/scan-final-labels";
import type { VersionDigest } from "./seal-version";

/**
 * Adds items to a version being frozen, one statement per page of scanned items (read with their
 * data): data and final labels stored as canonical JSON text, the bytes every export will write.
 */
export async function insertVersionItems(
  q: TDb,
  input: {
    versionId: string;
    items: readonly TScannedItem[];
    definitions: readonly TDefinitionContext[];
    /** Hashes each row's canonical JSONL line as it is written (the seal then reads nothing back). */
    digest?: VersionDigest;
  },
): Promise<void> {
  const ids: string[] = [];
  const externalIds: (string | null)[] = [];
  const data: string[] = [];
  const labels: string[] = [];
  const annotations: string[] = [];
  for (const item of input.items) {
    if (!item.data) throw new Error("freeze: items must be scanned with their data");
    const dataJson = canonicalJsonFast(item.data);
    const labelsJson = canonicalJsonFast(
      Object.fromEntries(
        input.definitions.map((d) => {
          const label = item.labels[d.key];
          return [d.key, label.isResolved ? label.value : null];
        }),
      ),
    );
    ids.push(item.itemId);
    externalIds.push(item.externalId);
    data.push(dataJson);
    labels.push(labelsJson);
    input.digest?.add(item.itemId, item.externalId, dataJson, labelsJson, item.data);
    annotations.push(JSON.stringify(item.annotations));
  }
  await q.query(
    `INSERT INTO eval_set_items (version_id, item_id, external_id, data_json, labels_json, annotations)
     SELECT $1, x.item_id, x.external_id, x.data_json, x.labels_json, x.annotations::jsonb
       FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[])
         AS x(item_id, external_id, data_json, labels_json, annotations)`,
    [input.versionId, ids, externalIds, data, labels, annotations],
  );
}
