/** A label value as people read it: options as they are, lists joined, spans as label [start–end]. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "(none)";
    return value
      .map((v) =>
        v && typeof v === "object" && "label" in v
          ? `${(v as { label: string }).label} [${(v as { start: number }).start}–${(v as { end: number }).end}]`
          : formatValue(v),
      )
      .join(", ");
  }
  return JSON.stringify(value);
}

export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined) return "—";
  const percent = share * 100;
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)}%`;
}

export function formatDate(iso: string): string {
  return new Date(iso).toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

type TSpecLike = { options?: { key: string; title: string }[] } | Record<string, unknown>;

/** Like formatValue, with option keys shown by their titles ("Neutral" for "neu"). */
export function formatValueFor(spec: TSpecLike | undefined, value: unknown): string {
  const options = (spec as { options?: { key: string; title: string }[] } | undefined)?.options;
  if (!options) return formatValue(value);
  const title = (key: unknown) => options.find((o) => o.key === key)?.title ?? String(key);
  if (typeof value === "string") return title(value);
  if (Array.isArray(value)) {
    return formatValue(
      value.map((v) =>
        v && typeof v === "object" && "label" in v
          ? { ...v, label: title((v as { label: string }).label) }
          : title(v),
      ),
    );
  }
  return formatValue(value);
}
