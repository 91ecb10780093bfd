import { parse } from "csv-parse/sync";
import type { TSpan } from "@/lib/label-definitions/value-schema";

/**
 * The Toxic Spans crowd annotations (SemEval-2021 Task 5; Pavlopoulos et al., ACL 2022): three CSV
 * files joined by ids. `comments.csv` (comment_id, comment_text), `annotations.csv` (one row per
 * comment and worker, also when the worker marked nothing) and `spans.csv` (annotation, type, start,
 * end; `end` exclusive, offsets into comment_text).
 */
export type TToxicSpansFiles = { comments: string; annotations: string; spans: string };

type TRow<T> = { record: T; raw: string };
type TComment = { comment_id: string; comment_text: string };
type TAnnotation = { annotation: string; comment_id: string; worker: string };
type TSpanRow = { annotation: string; type: string; start: string; end: string };

export type TToxicSpans = {
  /** The header line and rows of each file, rows exactly as written in the source. */
  files: Record<keyof TToxicSpansFiles, { header: string; rows: TRow<Record<string, string>>[] }>;
  comments: TComment[];
  annotations: TAnnotation[];
  spans: TSpanRow[];
};

/** The dataset's span types, as option keys of a Concord spans definition. */
export const TOXIC_SPAN_TYPES = [
  { key: "insult", title: "Insult" },
  { key: "profane_obscene", title: "Profane/Obscene" },
  { key: "identity_attack", title: "Identity based Attack" },
  { key: "threat", title: "Threat" },
  { key: "other_toxicity", title: "Other Toxicity" },
] as const;

function readCsv<T>(text: string): { header: string; rows: TRow<T>[] } {
  const rows = parse(text, { columns: true, raw: true, skip_empty_lines: true }) as TRow<T>[];
  return { header: text.slice(0, text.indexOf("\n") + 1), rows };
}

export function parseToxicSpans(files: TToxicSpansFiles): TToxicSpans {
  const comments = readCsv<TComment>(files.comments);
  const annotations = readCsv<TAnnotation>(files.annotations);
  const spans = readCsv<TSpanRow>(files.spans);
  return {
    files: { comments, annotations, spans } as TToxicSpans["files"],
    comments: comments.rows.map((r) => r.record),
    annotations: annotations.rows.map((r) => r.record),
    spans: spans.rows.map((r) => r.record),
  };
}

/**
 * A subset cut the way the shared copy was cut: comments in the order they first appear in
 * annotations.csv, the first `first` and the last `last` of them (the 7-rater posts sit at the end),
 * with all their annotations and spans. Returns the three files, rows unchanged.
 */
export function subsetToxicSpans(data: TToxicSpans, first: number, last: number): TToxicSpansFiles {
  const order = [...new Set(data.annotations.map((a) => a.comment_id))];
  const kept = new Set([...order.slice(0, first), ...order.slice(Math.max(first, order.length - last))]);
  const annotationIds = new Set(
    data.annotations.filter((a) => kept.has(a.comment_id)).map((a) => a.annotation),
  );
  const write = (file: keyof TToxicSpansFiles, keep: (record: Record<string, string>) => boolean) =>
    data.files[file].header +
    data.files[file].rows
      .filter((r) => keep(r.record))
      .map((r) => r.raw)
      .join("");
  return {
    comments: write("comments", (r) => kept.has(r.comment_id)),
    annotations: write("annotations", (r) => kept.has(r.comment_id)),
    spans: write("spans", (r) => annotationIds.has(r.annotation)),
  };
}

function typeKey(type: string): string {
  const trimmed = type.trim();
  // The data holds one type cut short ("Identity based ") and one empty: a cut type is the type it
  // starts; an empty one is the catch-all.
  const found = TOXIC_SPAN_TYPES.find((t) => trimmed !== "" && t.title.startsWith(trimmed));
  return found?.key ?? "other_toxicity";
}

/**
 * The source offsets count code points (the data was made in Python); Concord's count UTF-16 code
 * units. Entry k is where code point k starts, the last entry the text's length in code units.
 */
function utf16Offsets(text: string): number[] {
  const out: number[] = [];
  let unit = 0;
  for (const ch of text) {
    out.push(unit);
    unit += ch.length;
  }
  out.push(unit);
  return out;
}

export type TToxicSpansForConcord = {
  items: { externalId: string; data: { text: string } }[];
  /** One per (comment, worker), in annotations.csv order; an empty array when the worker marked nothing. */
  labels: { externalId: string; worker: string; spans: TSpan[] }[];
};

/**
 * Items and span values as Concord accepts them. Offsets are turned from code points into UTF-16
 * code units. A few source spans end past the end of their comment (14 of 8,453 in the shared copy): they are cut at the end of the text, and dropped when
 * nothing is left; spans repeated within one annotation are kept once (Concord refuses duplicates).
 */
export function toxicSpansForConcord(data: TToxicSpans): TToxicSpansForConcord {
  const texts = new Map(data.comments.map((c) => [c.comment_id, c.comment_text]));
  const byAnnotation = new Map<string, TSpanRow[]>();
  for (const s of data.spans) {
    const list = byAnnotation.get(s.annotation);
    if (list) list.push(s);
    else byAnnotation.set(s.annotation, [s]);
  }
  const offsets = new Map<string, number[]>();
  const labels = data.annotations.map((a) => {
    const text = texts.get(a.comment_id) ?? "";
    let toUtf16 = offsets.get(a.comment_id);
    if (!toUtf16) offsets.set(a.comment_id, (toUtf16 = utf16Offsets(text)));
    const length = toUtf16.length - 1;
    const at = (codePoint: number) => toUtf16[Math.min(codePoint, length)];
    const seen = new Set<string>();
    const spans: TSpan[] = [];
    for (const s of byAnnotation.get(a.annotation) ?? []) {
      const span = { start: at(Number(s.start)), end: at(Number(s.end)), label: typeKey(s.type) };
      const id = `${span.start}:${span.end}:${span.label}`;
      if (span.end <= span.start || seen.has(id)) continue;
      seen.add(id);
      spans.push(span);
    }
    spans.sort((x, y) => x.start - y.start || x.end - y.end || (x.label < y.label ? -1 : 1));
    return { externalId: a.comment_id, worker: a.worker, spans };
  });
  const annotated = new Set(data.annotations.map((a) => a.comment_id));
  return {
    items: data.comments
      .filter((c) => annotated.has(c.comment_id))
      .map((c) => ({ externalId: c.comment_id, data: { text: c.comment_text } })),
    labels,
  };
}
