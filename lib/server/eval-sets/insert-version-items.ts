import "server-only";
import { canonicalJsonFast } from "@/lib/label-definitions/canonical-json-fast";
import type { PoolClient } from "pg";
import { copyRows } from "@/lib/server/items/copy-rows";
import { copyField } from "@/lib/server/items/copy-text";
import type { TDefinitionContext } from "@/lib/server/final-labels/load-label-context";
import type { TScannedItem } from "@/lib/server/final-labels/scan-final-labels";
import type { VersionDigest } from "./seal-version";

/**
 * Adds items to a version being frozen, one COPY per page of scanned items (read with their data):
 * data and final labels stored as canonical JSON text, the bytes every export will write. COPY, not
 * an INSERT of arrays: escaping each page's texts into array literals was a tenth of a freeze's time.
 */
export async function insertVersionItems(
  q: PoolClient,
  input: {
    versionId: string;
    items: readonly TScannedItem[];
    definitions: readonly TDefinitionContext[];
    /** Hashes each row's canonical JSONL line as it is written (the seal then reads nothing back). */
    digest?: VersionDigest;
  },
): Promise<void> {
  let text = "";
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
    text += `${input.versionId}\t${item.itemId}\t${copyField(item.externalId)}\t${copyField(dataJson)}\t${copyField(labelsJson)}\t${copyField(JSON.stringify(item.annotations))}\n`;
    input.digest?.add(item.itemId, item.externalId, dataJson, labelsJson, item.data);
  }
  await copyRows(
    q,
    "COPY eval_set_items (version_id, item_id, external_id, data_json, labels_json, annotations) FROM STDIN",
    text,
  );
}
