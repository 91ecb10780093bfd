import "server-only";
import type { PoolClient } from "pg";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import type { TLabelKind } from "@/lib/label-definitions/label-limits";
import { DEFAULT_FINAL_LABEL_RULE, type TFinalLabelRule } from "@/lib/final-labels/rules";

/** A pool or a client inside a transaction: the final-label code runs on either. */
export type TDb = Pick<PoolClient, "query">;

export type TDefinitionVersionInfo = { spec: TLabelDefinitionSpec; specHash: string; guidelinesHash: string };

export type TDefinitionContext = {
  id: string;
  key: string;
  kind: TLabelKind;
  title: string;
  currentVersion: number;
  /** The current version's spec: values are checked and put in canonical order with it. */
  spec: TLabelDefinitionSpec;
  isRequired: boolean;
  rule: TFinalLabelRule;
  isDefaultRule: boolean;
  versions: Map<number, TDefinitionVersionInfo>;
};

type TRow = {
  id: string;
  key: string;
  kind: TLabelKind;
  current_version: number;
  version: number;
  spec: TLabelDefinitionSpec;
  spec_hash: string;
  guidelines_hash: string;
  rule_kind: TFinalLabelRule["kind"] | null;
  min_share: number | null;
  min_agreement: number | null;
  min_annotations: number | null;
};

/** The project's label definitions in their order, with every version and the final-label rule. */
export async function loadLabelContext(q: TDb, projectId: string): Promise<TDefinitionContext[]> {
  const { rows } = await q.query<TRow>(
    `SELECT d.id, d.key, d.kind, d.current_version, v.version, v.spec, v.spec_hash, v.guidelines_hash,
            r.kind AS rule_kind, r.min_share, r.min_agreement, r.min_annotations
       FROM label_definitions d
       JOIN label_definition_versions v ON v.definition_id = d.id
       LEFT JOIN final_label_rules r ON r.definition_id = d.id
      WHERE d.project_id = $1
      ORDER BY d.position, d.created_at, d.key, v.version`,
    [projectId],
  );
  const byId = new Map<string, TDefinitionContext>();
  for (const row of rows) {
    let context = byId.get(row.id);
    if (!context) {
      const rule: TFinalLabelRule = row.rule_kind
        ? {
            kind: row.rule_kind,
            minShare: row.min_share!,
            minAgreement: row.min_agreement!,
            minAnnotations: row.min_annotations!,
          }
        : DEFAULT_FINAL_LABEL_RULE;
      context = {
        id: row.id,
        key: row.key,
        kind: row.kind,
        title: row.spec.title,
        currentVersion: row.current_version,
        spec: row.spec,
        isRequired: row.spec.required,
        rule,
        isDefaultRule: !row.rule_kind,
        versions: new Map(),
      };
      byId.set(row.id, context);
    }
    context.versions.set(row.version, {
      spec: row.spec,
      specHash: row.spec_hash,
      guidelinesHash: row.guidelines_hash,
    });
    if (row.version === row.current_version) {
      context.spec = row.spec;
      context.title = row.spec.title;
      context.isRequired = row.spec.required;
    }
  }
  return [...byId.values()];
}
