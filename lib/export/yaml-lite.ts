/**
 * A small YAML writer for dataset-card front matter: block maps and lists (lists at their key's
 * indentation, as Hugging Face writes cards), keys in insertion order. Strings that could be read
 * as anything else are written as JSON strings, which are valid YAML double-quoted scalars, so
 * every value reads back as written (YAML 1.1 and 1.2 parsers alike).
 */
const PLAIN = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|y|n|null|nan|inf)$/i;

export function yamlString(text: string): string {
  return PLAIN.test(text) && !RESERVED.test(text) ? text : JSON.stringify(text);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function scalar(value: unknown): string | null {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return yamlString(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("yaml: non-finite number");
    // YAML 1.1 (PyYAML, which reads dataset cards) wants a dot in a float with an exponent.
    const text = String(value);
    return /e/.test(text) && !text.includes(".") ? text.replace("e", ".0e") : text;
  }
  if (Array.isArray(value) && value.length === 0) return "[]";
  if (isRecord(value) && Object.keys(value).length === 0) return "{}";
  if (Array.isArray(value) || isRecord(value)) return null;
  throw new TypeError(`yaml: cannot write a ${typeof value}`);
}

function mapLines(record: Record<string, unknown>, indent: number, out: string[]): void {
  const pad = " ".repeat(indent);
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    const text = scalar(value);
    if (text !== null) {
      out.push(`${pad}${yamlString(key)}: ${text}`);
    } else if (Array.isArray(value)) {
      out.push(`${pad}${yamlString(key)}:`);
      listLines(value, indent, out);
    } else {
      out.push(`${pad}${yamlString(key)}:`);
      mapLines(value as Record<string, unknown>, indent + 2, out);
    }
  }
}

function listLines(items: unknown[], indent: number, out: string[]): void {
  const pad = " ".repeat(indent);
  for (const item of items) {
    const text = scalar(item);
    if (text !== null) {
      out.push(`${pad}- ${text}`);
    } else if (Array.isArray(item)) {
      out.push(`${pad}-`);
      listLines(item, indent + 2, out);
    } else {
      const start = out.length;
      mapLines(item as Record<string, unknown>, indent + 2, out);
      if (out.length === start) out.push(`${pad}- {}`);
      else out[start] = `${pad}- ${out[start].slice(indent + 2)}`;
    }
  }
}

/** The YAML text of a map, each line ending in "\n". */
export function toYaml(record: Record<string, unknown>): string {
  const out: string[] = [];
  mapLines(record, 0, out);
  if (out.length === 0) return "{}\n";
  return out.map((line) => line + "\n").join("");
}
