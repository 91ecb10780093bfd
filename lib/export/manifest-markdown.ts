/**
 * Renders an opaque manifest object as Markdown for the dataset card, generically (the manifest's
 * shape belongs to the eval-set code, not to the exporter):
 *
 * - each top-level key (sorted, like canonical JSON) is a `###` section titled from the key
 *   ("labelDistribution" -> "Label distribution");
 * - a scalar is a line of text (long hex strings such as hashes as code);
 * - a list of scalars is a bullet list; a list of objects is a table (columns: the union of their
 *   keys, sorted; nested cells as canonical JSON code);
 * - an object of scalars is a bullet list `- **key**: value`; an object holding objects or lists
 *   gets `####` sub-sections, one per key; anything nested deeper is a fenced JSON block.
 *
 * All text is escaped so that values cannot inject Markdown or HTML. Deterministic: equal
 * manifests (whatever their key order) give the same text.
 */
import { canonicalJsonFast } from "@/lib/label-definitions/canonical-json-fast";

const HEX = /^[0-9a-f]{16,}$/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): boolean {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

/** Backslash-escapes Markdown punctuation and HTML; newlines become spaces. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#&~!]/g, "\\$&").replace(/\r\n|\r|\n/g, " ");
}

/** An inline code span that survives backticks in the text. */
export function codeSpan(text: string): string {
  const runs = text.match(/`+/g) ?? [];
  const fence = "`".repeat(Math.max(0, ...runs.map((run) => run.length)) + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text.replace(/\r\n|\r|\n/g, " ")}${pad}${fence}`;
}

export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words === ""
    ? escapeMarkdown(key || "(empty key)")
    : escapeMarkdown(words[0].toUpperCase() + words.slice(1));
}

/**
 * A value on one line: scalars as text, hashes and nested values as code. In a table cell, a
 * `|` inside code must be escaped too (GFM); text is escaped already.
 */
export function inlineValue(value: unknown, inTable = false): string {
  if (value === null) return "null";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string" && !HEX.test(value)) return escapeMarkdown(value);
  const code = codeSpan(typeof value === "string" ? value : canonicalJsonFast(value));
  return inTable ? code.replaceAll("|", "\\|") : code;
}

function prettyJson(value: unknown): string {
  return JSON.stringify(JSON.parse(canonicalJsonFast(value)), null, 2);
}

function sortedKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
}

function table(rows: Record<string, unknown>[]): string[] {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].sort();
  const cell = (value: unknown) => (value === undefined ? "" : inlineValue(value, true));
  const head = `| ${columns.map((c) => escapeMarkdown(c)).join(" | ")} |`;
  const rule = `| ${columns.map(() => "---").join(" | ")} |`;
  return [head, rule, ...rows.map((row) => `| ${columns.map((c) => cell(row[c])).join(" | ")} |`)];
}

/** Markdown lines for one value; `level` is the heading level its sub-sections would take. */
export function valueLines(value: unknown, level: number): string[] {
  if (isScalar(value)) return [inlineValue(value)];
  if (Array.isArray(value)) {
    if (value.length === 0) return ["(none)"];
    if (value.every(isScalar)) return value.map((item) => `- ${inlineValue(item)}`);
    if (value.every(isRecord) && value.every((row) => Object.values(row).every((v) => !Array.isArray(v)))) {
      return table(value as Record<string, unknown>[]);
    }
    return ["```json", prettyJson(value), "```"];
  }
  if (!isRecord(value)) return [inlineValue(value)];
  const keys = sortedKeys(value);
  if (keys.length === 0) return ["(none)"];
  if (keys.every((key) => isScalar(value[key]))) {
    return keys.map((key) => `- **${escapeMarkdown(key)}**: ${inlineValue(value[key])}`);
  }
  if (level > 4) return ["```json", prettyJson(value), "```"];
  const lines: string[] = [];
  for (const key of keys) {
    if (lines.length > 0) lines.push("");
    lines.push(`${"#".repeat(level)} ${escapeMarkdown(key)}`, "", ...valueLines(value[key], level + 1));
  }
  return lines;
}

/** The manifest as `###` sections (the card puts them under a `## Manifest` heading). */
export function manifestMarkdown(manifest: Record<string, unknown>): string {
  const sections = sortedKeys(manifest).map((key) =>
    [`### ${humanizeKey(key)}`, "", ...valueLines(manifest[key], 4)].join("\n"),
  );
  return sections.join("\n\n") + "\n";
}
