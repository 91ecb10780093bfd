import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import type { TSpan } from "@/lib/label-definitions/value-schema";
import type { TFieldProblem, TImportAnnotation, TReadEntry } from "../import-types";
import { describeJsonType, problemsEntry } from "../json-record";
import { isPlainObject, readAnnotator, storableInstant } from "../record-fields";
import { findOptionKey, unknownOptionMessage } from "./option-lookup";

// Prodigy's own bookkeeping and the answer fields: everything else of a task is the item's data.
const NOT_DATA = new Set(["answer", "accept", "label", "spans", "options"]);

type TGroup = {
  line: number;
  data: Record<string, unknown>;
  annotations: TImportAnnotation[];
  seen: Map<string, number>;
};

/**
 * Prodigy JSONL: one annotation a line, grouped into items by `_input_hash` (its decimal text is
 * the item's externalId). Lines of one item may be anywhere in the file (each annotator's session
 * is appended in turn), so the groups are held in memory until the end of the file; a Prodigy
 * dataset is bounded by the upload limit, and each group keeps only one copy of the task.
 */
export async function* groupProdigyLines(
  batches: AsyncIterable<TReadEntry[]>,
  spec: TLabelDefinitionSpec,
  batchSize: number,
): AsyncGenerator<TReadEntry[], void, undefined> {
  const groups = new Map<string, TGroup>();
  const failed: TReadEntry[] = [];
  for await (const entries of batches) {
    for (const entry of entries) {
      if ("error" in entry) {
        failed.push(entry);
        continue;
      }
      const problems: TFieldProblem[] = [];
      const task = entry.raw as Record<string, unknown>;
      if (task.answer === "ignore") continue;
      const hash = task._input_hash;
      if (typeof hash !== "number" && typeof hash !== "string") {
        failed.push(
          problemsEntry(entry.line, [
            {
              path: "_input_hash",
              message: `every line needs an _input_hash (a number), got ${describeJsonType(hash)}`,
            },
          ]),
        );
        continue;
      }
      const annotatorField = task._annotator_id !== undefined ? "_annotator_id" : "_session_id";
      const annotator = readAnnotator(task[annotatorField], annotatorField, problems);
      const value = lineValue(spec, task, problems);
      const createdAt = readTimestamp(task._timestamp, problems);
      if (annotator === null || problems.length > 0) {
        failed.push(problemsEntry(entry.line, problems));
        continue;
      }
      const key = String(hash);
      let group = groups.get(key);
      if (!group) {
        group = { line: entry.line, data: taskData(task), annotations: [], seen: new Map() };
        groups.set(key, group);
      }
      const earlier = group.seen.get(annotator);
      if (earlier !== undefined) {
        failed.push(
          problemsEntry(entry.line, [
            {
              path: annotatorField,
              message: `${JSON.stringify(annotator)} already answered this _input_hash on line ${earlier}: one annotation per annotator and item`,
            },
          ]),
        );
        continue;
      }
      group.seen.set(annotator, entry.line);
      group.annotations.push({
        annotator,
        values: { [spec.key]: value },
        createdAt,
        line: entry.line,
        paths: { [spec.key]: valuePath(spec, task) },
      });
    }
  }
  const out: TReadEntry[] = [...failed];
  for (const [key, group] of groups) {
    out.push({
      line: group.line,
      raw: { externalId: key, data: group.data },
      annotations: group.annotations,
    });
  }
  out.sort((a, b) => a.line - b.line);
  for (let at = 0; at < out.length; at += batchSize) yield out.slice(at, at + batchSize);
}

/** The item data of a Prodigy task (the import page previews it the same way). */
export function taskData(task: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(task)) {
    if (!field.startsWith("_") && !NOT_DATA.has(field)) data[field] = value;
  }
  return data;
}

function valuePath(spec: TLabelDefinitionSpec, task: Record<string, unknown>): string {
  if (spec.kind === "spans") return "spans";
  return Array.isArray(task.accept) ? "accept" : "answer";
}

function lineValue(
  spec: TLabelDefinitionSpec,
  task: Record<string, unknown>,
  problems: TFieldProblem[],
): unknown {
  if (spec.kind === "spans") {
    const spans = task.spans ?? [];
    if (!Array.isArray(spans)) {
      problems.push({ path: "spans", message: `spans must be an array, got ${describeJsonType(spans)}` });
      return null;
    }
    const text = typeof task.text === "string" ? task.text : null;
    const out: TSpan[] = [];
    spans.forEach((span: unknown, index) => {
      const at = `spans.${index}`;
      if (!isPlainObject(span) || !Number.isInteger(span.start) || !Number.isInteger(span.end)) {
        problems.push({ path: at, message: "a span is {start, end, label} with integer offsets" });
        return;
      }
      const start = span.start as number;
      const end = span.end as number;
      const limit = text?.length ?? Infinity;
      if (start < 0 || end <= start || end > limit) {
        problems.push({
          path: `${at}.end`,
          message: `the span ${start}-${end} is outside the text (length ${text?.length ?? "unknown"})`,
        });
        return;
      }
      const label = findOptionKey(spec, span.label);
      if (label === null)
        problems.push({ path: `${at}.label`, message: unknownOptionMessage(spec, span.label) });
      else out.push({ start, end, label });
    });
    return out;
  }
  if (Array.isArray(task.accept)) {
    if (spec.kind !== "single_choice" && spec.kind !== "multi_choice") {
      problems.push({
        path: "accept",
        message: `"${spec.key}" is a ${spec.kind} definition: choice answers need a single or multi choice definition`,
      });
      return null;
    }
    const keys: string[] = [];
    task.accept.forEach((id: unknown, index) => {
      const key = findOptionKey(spec, id);
      if (key === null) problems.push({ path: `accept.${index}`, message: unknownOptionMessage(spec, id) });
      else keys.push(key);
    });
    if (spec.kind === "multi_choice") return keys;
    if (keys.length !== 1 && problems.length === 0) {
      problems.push({
        path: "accept",
        message: `"${spec.key}" is single choice: one accepted option, got ${keys.length}`,
      });
    }
    return keys[0] ?? null;
  }
  // Binary classification: the answer itself is the value, of a definition with options accept/reject.
  const key = spec.kind === "single_choice" ? findOptionKey(spec, task.answer) : null;
  if (key === null) {
    problems.push({
      path: "answer",
      message:
        spec.kind === "single_choice"
          ? unknownOptionMessage(spec, task.answer)
          : `"${spec.key}" is a ${spec.kind} definition: a line without accept or spans needs a single choice definition with options accept and reject`,
    });
  }
  return key;
}

/** Prodigy's `_timestamp` (Unix seconds) as the annotation's time; any other type is no time. */
function readTimestamp(value: unknown, problems: TFieldProblem[]): string | null {
  if (typeof value !== "number") return null;
  const instant = storableInstant(value * 1000);
  if (instant === null) {
    problems.push({
      path: "_timestamp",
      message: `_timestamp must be Unix seconds from year 1 to 9999, got ${value}`,
    });
  }
  return instant;
}
