/**
 * A small, safe Markdown subset for guidelines, parsed into a tree that React renders as elements
 * (never as HTML strings): headings (#..######), paragraphs, bullet and numbered lists, block quotes,
 * fenced code, horizontal rules, **bold**, *italic*, `code`, and [links](https://…) whose URL is
 * http(s); any other link is shown as its text. Raw HTML is shown as text.
 */

export type TInline =
  | { type: "text"; text: string }
  | { type: "strong"; children: TInline[] }
  | { type: "em"; children: TInline[] }
  | { type: "code"; text: string }
  | { type: "link"; href: string; children: TInline[] };

export type TBlock =
  | { type: "heading"; depth: number; children: TInline[] }
  | { type: "paragraph"; children: TInline[] }
  | { type: "list"; ordered: boolean; start: number; items: TInline[][] }
  | { type: "quote"; children: TInline[] }
  | { type: "code"; text: string }
  | { type: "rule" };

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const ORDERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const ESCAPABLE = /[\\`*_[\]()#+\-.!>~|]/;
const SAFE_URL = /^https?:\/\/[^\s<>"]+$/i;

function isBlockStart(line: string): boolean {
  return (
    HEADING.test(line) ||
    BULLET.test(line) ||
    ORDERED.test(line) ||
    RULE.test(line) ||
    FENCE.test(line) ||
    QUOTE.test(line)
  );
}

export function parseMarkdown(source: string): TBlock[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: TBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === "") {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].trim().startsWith(fence[1])) body.push(lines[i++]);
      i++; // the closing fence (or the end of the text)
      blocks.push({ type: "code", text: body.join("\n") });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ type: "heading", depth: heading[1].length, children: parseInline(heading[2]) });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ type: "rule" });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      for (let m = QUOTE.exec(lines[i] ?? ""); i < lines.length && m; m = QUOTE.exec(lines[++i] ?? "")) {
        body.push(m[1]);
      }
      blocks.push({ type: "quote", children: parseInline(body.join(" ").trim()) });
      continue;
    }
    const ordered = ORDERED.exec(line);
    if (ordered || BULLET.test(line)) {
      const pattern = ordered ? ORDERED : BULLET;
      const items: string[] = [];
      while (i < lines.length) {
        const current = lines[i];
        const item = pattern.exec(current);
        if (item) {
          items.push(ordered ? item[2] : item[1]);
        } else if (current.trim() !== "" && /^\s/.test(current) && items.length > 0) {
          items[items.length - 1] += ` ${current.trim()}`; // an indented continuation line
        } else {
          break;
        }
        i++;
      }
      blocks.push({
        type: "list",
        ordered: ordered !== null,
        start: ordered ? Number(ordered[1]) : 1,
        items: items.map((item) => parseInline(item.trim())),
      });
      continue;
    }
    const body: string[] = [];
    while (i < lines.length && lines[i].trim() !== "" && (body.length === 0 || !isBlockStart(lines[i]))) {
      body.push(lines[i++].trim());
    }
    blocks.push({ type: "paragraph", children: parseInline(body.join(" ")) });
  }
  return blocks;
}

/** Index just past the code span starting at `from` (a run of backticks), or -1 when it is not closed. */
function codeSpanEnd(src: string, from: number): { end: number; ticks: number } | null {
  let ticks = 0;
  while (src[from + ticks] === "`") ticks++;
  const marker = "`".repeat(ticks);
  let at = src.indexOf(marker, from + ticks);
  while (at !== -1 && src[at + ticks] === "`") at = src.indexOf(marker, at + ticks + 1);
  return at === -1 ? null : { end: at + ticks, ticks };
}

/** The index of the closing `marker` after `from`, skipping escapes and code spans; -1 when none. */
function findClose(src: string, from: number, marker: string): number {
  for (let j = from; j < src.length; j++) {
    if (src[j] === "\\") {
      j++;
      continue;
    }
    if (src[j] === "`") {
      const code = codeSpanEnd(src, j);
      if (code) j = code.end - 1;
      continue;
    }
    if (marker.length === 1 && src.startsWith(marker + marker, j)) {
      // Part of a double marker (bold inside italics): skip the pair and its closing pair.
      const inner = findClose(src, j + 2, marker + marker);
      if (inner === -1) return -1;
      j = inner + 1;
      continue;
    }
    if (src.startsWith(marker, j) && j > from && src[j - 1] !== " ") return j;
  }
  return -1;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

export function parseInline(src: string): TInline[] {
  // Once a marker has no closing partner after some position, it has none after any later one
  // either: remembering that keeps text with many unmatched "*" linear instead of quadratic.
  const unclosedFrom = new Map<string, number>();
  const close = (from: number, marker: string): number => {
    if (from >= (unclosedFrom.get(marker) ?? Infinity)) return -1;
    const at = findClose(src, from, marker);
    if (at === -1) unclosedFrom.set(marker, from);
    return at;
  };
  const out: TInline[] = [];
  let buffer = "";
  const flush = () => {
    if (buffer) out.push({ type: "text", text: buffer });
    buffer = "";
  };
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === "\\" && ESCAPABLE.test(src[i + 1] ?? "")) {
      buffer += src[i + 1];
      i += 2;
      continue;
    }
    if (ch === "`") {
      const code = codeSpanEnd(src, i);
      if (code) {
        flush();
        const raw = src.slice(i + code.ticks, code.end - code.ticks);
        const text = raw.length > 2 && raw.startsWith(" ") && raw.endsWith(" ") ? raw.slice(1, -1) : raw;
        out.push({ type: "code", text });
        i = code.end;
        continue;
      }
    }
    const double = src.slice(i, i + 2);
    if ((double === "**" || double === "__") && src[i + 2] !== " ") {
      const end = close(i + 2, double);
      if (end !== -1) {
        flush();
        out.push({ type: "strong", children: parseInline(src.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    // "_" only emphasises at word edges, so snake_case_names stay as they are.
    if ((ch === "*" || (ch === "_" && !isWordChar(src[i - 1]))) && src[i + 1] !== " " && src[i + 1] !== ch) {
      const end = close(i + 1, ch);
      if (end !== -1 && (ch === "*" || !isWordChar(src[end + 1]))) {
        flush();
        out.push({ type: "em", children: parseInline(src.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (ch === "[") {
      const link = /^\[([^\]]*)\]\(\s*([^()\s]*)\s*\)/.exec(src.slice(i));
      if (link) {
        flush();
        const children = parseInline(link[1]);
        if (SAFE_URL.test(link[2])) out.push({ type: "link", href: link[2], children });
        else out.push(...children);
        i += link[0].length;
        continue;
      }
    }
    buffer += ch;
    i++;
  }
  flush();
  return out;
}
