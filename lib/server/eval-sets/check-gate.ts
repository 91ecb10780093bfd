import "server-only";
import type { PoolClient } from "pg";
import type { TReleaseGate } from "@/lib/eval-sets/gate-schema";
import type { GateTally } from "@/lib/eval-sets/release-gate";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { conflict } from "@/lib/server/errors";

/**
 * Holds a freeze to the set's release gate: refused (409, each failing definition named with by how
 * much) unless the lead overrides it with a reason, which the manifest and the audit trail keep.
 * Returns what the manifest records.
 */
export async function checkGate(
  client: PoolClient,
  gate: TReleaseGate,
  tally: GateTally,
  context: {
    project_id: string;
    evalSetId: string;
    freezer: { id: string; name: string };
    options: { override?: { reason: string } };
  },
) {
  const { figures, failures } = tally.evaluate(gate);
  const override = context.options.override;
  if (failures.length > 0 && !override) {
    throw conflict(
      `The set fails its release gate on ${new Set(failures.map((f) => f.definition)).size} definition(s); fix the labels, change the gate, or override it with a reason.`,
      failures.map((f) => ({ path: `definitions.${f.definition}`, message: f.message })),
    );
  }
  const overridden = failures.length > 0 && override;
  if (overridden) {
    await recordAuditEvent(client, {
      projectId: context.project_id,
      actor: context.freezer,
      action: "eval_set.gate_overridden",
      target: { type: "eval_set", id: context.evalSetId },
      details: { gate, failures, reason: override.reason },
    });
  }
  return {
    gate,
    passed: failures.length === 0,
    figures,
    failures,
    override: overridden
      ? { reason: override.reason, by: context.freezer, at: new Date().toISOString() }
      : null,
  };
}
