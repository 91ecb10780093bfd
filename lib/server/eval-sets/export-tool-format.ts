import "server-only";
import { getPool } from "@/lib/db";
import { anonymizer } from "@/lib/export/anonymize";
import { toLabelStudioTask, type TLabeledItem } from "@/lib/export/label-studio";
import { toProdigyLines } from "@/lib/export/prodigy";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import type { TExportQuery } from "@/lib/schemas/eval-sets";
import { badRequest } from "@/lib/server/errors";
import type { TVersionForExport } from "./get-eval-set-version";
import { readVersionRows } from "./read-version-rows";

/**
 * A frozen version as a Label Studio JSON export or Prodigy JSONL, every annotation included, so a
 * file that came in from one of those tools goes back out with every label and annotator. Annotators
 * are pseudonyms unless a lead asked for `annotators=raw`: then an account's email, or an external
 * annotator's own name (what the imported file called them). For Prodigy, `options.definition` is
 * the key exportEvalSetVersion resolved (named, or the version's only label).
 */
export async function* exportToolFormat(
  version: TVersionForExport,
  options: TExportQuery,
): AsyncGenerator<Uint8Array> {
  const pool = getPool();
  const { rows: specRows } = await pool.query<{
    key: string;
    spec: TLabelDefinitionSpec;
    project_id: string;
  }>(
    `SELECT d.key, v.spec, es.project_id FROM eval_set_versions ev
       JOIN eval_sets es ON es.id = ev.eval_set_id
       JOIN label_definitions d ON d.project_id = es.project_id
       JOIN label_definition_versions v ON v.definition_id = d.id AND v.version = d.current_version
      WHERE ev.id = $1 ORDER BY d.position, d.key`,
    [version.id],
  );
  const labelKeys = new Set(version.columns.labels);
  const specs = specRows.map((r) => r.spec).filter((s) => labelKeys.has(s.key));
  let prodigySpec: TLabelDefinitionSpec | undefined;
  if (options.format === "prodigy") {
    prodigySpec = specs.find((s) => s.key === options.definition);
    // exportEvalSetVersion checked the key against the frozen columns: only a definition gone since fails here.
    if (!prodigySpec) {
      throw badRequest("Prodigy lines answer one label definition: name it with ?definition=<key>.", [
        { path: "definition", message: `one of ${specs.map((s) => s.key).join(", ")}` },
      ]);
    }
  }
  let rename: (userId: string) => string;
  if (options.annotators === "raw") {
    const { rows } = await pool.query<{ id: string; name: string }>(
      `SELECT u.id, CASE WHEN u.external_project_id IS NULL THEN u.email ELSE u.name END AS name
         FROM users u WHERE u.id IN (SELECT DISTINCT user_id FROM assignments WHERE project_id = $1)`,
      [specRows[0]?.project_id ?? null],
    );
    const names = new Map(rows.map((r) => [r.id, r.name]));
    rename = (id) => names.get(id) ?? id;
  } else {
    rename = anonymizer(version.id);
  }
  const encoder = new TextEncoder();
  let isFirst = true;
  if (options.format === "label-studio") yield encoder.encode("[");
  for await (const row of readVersionRows(pool, version.id, { withAnnotations: true, prefetch: true })) {
    const item: TLabeledItem = {
      externalId: row.externalId,
      itemId: row.itemId,
      data: row.data,
      annotations: (row.annotations ?? []).map((a) => ({
        annotator: rename(a.annotator),
        values: a.values,
        createdAt: null,
      })),
    };
    if (options.format === "label-studio") {
      yield encoder.encode(`${isFirst ? "\n" : ",\n"}${JSON.stringify(toLabelStudioTask(item, specs))}`);
      isFirst = false;
    } else {
      const lines = toProdigyLines(item, prodigySpec!);
      if (lines.length > 0) yield encoder.encode(lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
    }
  }
  if (options.format === "label-studio") yield encoder.encode("\n]\n");
}
