import "server-only";
import type { TAgreementDrift, TDriftWindow } from "@/lib/schemas/agreement-drift";
import { getPool } from "@/lib/db";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { enqueueWebhookEvent } from "@/lib/server/webhooks/enqueue-webhook-event";

type TFlag = {
  definition: string;
  period: "batch" | "week";
  window: string;
  label: string;
  kind: "shift" | "agreement_drop";
};

function flagsOf(drift: TAgreementDrift): TFlag[] {
  const flags: TFlag[] = [];
  const add = (definition: string, period: TFlag["period"], windows: TDriftWindow[]) => {
    for (const w of windows) {
      if (w.isShifted) flags.push({ definition, period, window: w.window, label: w.label, kind: "shift" });
      if (w.isAgreementDrop)
        flags.push({ definition, period, window: w.window, label: w.label, kind: "agreement_drop" });
    }
  };
  for (const d of drift.definitions) {
    add(d.key, "batch", d.byBatch);
    add(d.key, "week", d.byWeek);
  }
  return flags;
}

/**
 * Announces each drift flag once, the first time the drift report that raises it is computed (the
 * report is computed on read, when it is asked for and the data changed): a flag already announced
 * is remembered in drift_flag_announcements, so it never goes out twice, on any process.
 */
export async function announceDriftFlags(projectId: string, drift: TAgreementDrift): Promise<void> {
  const flags = flagsOf(drift);
  if (flags.length === 0) return;
  // Nearly always every flag went out before: one read says so, where the transaction below takes
  // three round trips (each a wait on a busy server). A flag this read misses is announced by the
  // transaction, whose ON CONFLICT keeps it to once.
  const { rows: fresh } = await getPool().query<{ n: number }>(
    `SELECT count(*)::int AS n
       FROM jsonb_to_recordset($2::jsonb) AS f(definition text, period text, "window" text, kind text)
      WHERE NOT EXISTS (SELECT 1 FROM drift_flag_announcements a
                         WHERE a.project_id = $1 AND a.definition_key = f.definition AND a.period = f.period
                           AND a.window_key = f."window" AND a.kind = f.kind)`,
    [projectId, JSON.stringify(flags)],
  );
  if (fresh[0].n === 0) return;
  await withTransaction(async (client) => {
    const { rows } = await client.query<{
      definition_key: string;
      period: string;
      window_key: string;
      kind: string;
    }>(
      `INSERT INTO drift_flag_announcements (project_id, definition_key, period, window_key, kind)
       SELECT $1, f.definition, f.period, f."window", f.kind
         FROM jsonb_to_recordset($2::jsonb) AS f(definition text, period text, "window" text, kind text)
       ON CONFLICT DO NOTHING
       RETURNING definition_key, period, window_key, kind`,
      [projectId, JSON.stringify(flags)],
    );
    for (const row of rows) {
      const flag = flags.find(
        (f) =>
          f.definition === row.definition_key &&
          f.period === row.period &&
          f.window === row.window_key &&
          f.kind === row.kind,
      )!;
      await enqueueWebhookEvent(client, projectId, "agreement.drift_flagged", flag);
    }
  });
}
