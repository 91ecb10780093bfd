import "server-only";
import { getPool } from "@/lib/db";
import type { TSpanGroups } from "@/lib/agreement/report-spans";
import type { Span } from "@/lib/agreement/span-agreement";
import type { TDefinitionWithVersions } from "./load-definitions";

type TRow = [string, string, number, string, Date, string];

/**
 * A spans definition's current annotations, per item and annotator. Span agreement matches spans
 * between each pair of annotators, so it needs every annotator's spans and cannot be folded into
 * counts in SQL the way categorical labels are; rows come back as arrays (no objects per row).
 */
export async function loadSpanItems(definition: TDefinitionWithVersions): Promise<TSpanGroups> {
  const { rows } = await getPool().query<TRow>({
    text: `SELECT a.item_id::text, a.user_id::text, a.definition_version, a.value::text, a.created_at, i.batch_id::text
             FROM annotations a JOIN items i ON i.id = a.item_id
            WHERE a.definition_id = $1 AND a.is_current AND a.value IS NOT NULL
            ORDER BY a.item_id, a.user_id, a.created_at, a.id`,
    values: [definition.id],
    rowMode: "array",
  });
  const items: TSpanGroups["items"] = [];
  for (const [itemId, user, version, value, createdAt, batch] of rows) {
    let item = items[items.length - 1];
    if (!item || item.itemId !== itemId)
      items.push((item = { itemId, batch, week: "", latest: 0, labels: [] }));
    const spans = parseSpans(value);
    item.labels.push({ annotator: user, version, spans });
    item.latest = Math.max(item.latest, createdAt.getTime());
  }
  for (const item of items) item.week = weekStart(item.latest);
  const titles = new Map<string, string>();
  for (const v of definition.versions)
    if ("options" in v.spec)
      for (const o of v.spec.options) if (!titles.has(o.key)) titles.set(o.key, o.title);
  return { items, labels: [...titles].map(([key, title]) => ({ key, title })) };
}

function parseSpans(text: string): Span[] {
  const value = JSON.parse(text) as unknown;
  if (!Array.isArray(value)) return [];
  return value.filter(
    (s): s is Span =>
      typeof s === "object" &&
      s !== null &&
      Number.isFinite(s.start) &&
      Number.isFinite(s.end) &&
      s.end >= s.start &&
      typeof s.label === "string",
  );
}

/** The Monday (UTC) starting the week of a time, as an ISO date. */
function weekStart(ms: number): string {
  const day = new Date(ms);
  const monday =
    Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) -
    ((day.getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(monday).toISOString().slice(0, 10);
}
