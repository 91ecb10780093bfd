import "server-only";
import type { TServedAssignment } from "@/lib/schemas/queue";
import type { TServedDefinitionRow } from "./load-served-definitions";

export type TServedRow = {
  id: string;
  expires_at: Date;
  item_id: string;
  external_id: string | null;
  data: Record<string, unknown>;
  predictions: Record<string, unknown> | null;
};

export function serializeServed(row: TServedRow, definitions: TServedDefinitionRow[]): TServedAssignment {
  return {
    assignmentId: String(row.id),
    expiresAt: row.expires_at.toISOString(),
    item: {
      id: String(row.item_id),
      externalId: row.external_id,
      data: row.data,
      predictions: row.predictions,
    },
    definitions: definitions.map((d) => ({
      key: d.key,
      version: d.version,
      kind: d.spec.kind,
      title: d.spec.title,
      required: d.spec.required,
      guidelines: d.spec.guidelines,
      spec: d.spec as unknown as Record<string, unknown>,
    })),
  };
}

export const SERVED_COLUMNS = `a.id, a.expires_at, a.definition_versions, a.item_id, i.external_id, i.data, i.predictions`;
