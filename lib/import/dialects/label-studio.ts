import type { TSpan } from "@/lib/label-definitions/value-schema";
import type { TFieldProblem, TImportAnnotation } from "../import-types";
import { describeJsonType, showJsonValue } from "../json-record";
import { isPlainObject, readAnnotator, readCreatedAt } from "../record-fields";
import { convertResult } from "./label-studio-result";
import { definitionList, type TDefinitionsByKey } from "./option-lookup";

/**
 * Label Studio's JSON export, task by task: `{id, data, annotations: [{completed_by, result,
 * was_cancelled?, created_at?}], predictions?}` becomes a Concord record (`id` as its externalId,
 * so tasks with the same text stay apart) with its annotations. Paths in problems name the task
 * and result: `tasks.3.annotations.0.result.1.from_name`.
 */
export function convertLabelStudioTask(
  raw: Record<string, unknown>,
  taskIndex: number,
  definitions: TDefinitionsByKey,
): { raw: Record<string, unknown>; annotations: TImportAnnotation[] } | { problems: TFieldProblem[] } {
  const at = `tasks.${taskIndex}`;
  const problems: TFieldProblem[] = [];
  const data = raw.data;
  if (!isPlainObject(data)) {
    return {
      problems: [
        { path: `${at}.data`, message: `a task's data must be an object, got ${describeJsonType(data)}` },
      ],
    };
  }
  const record: Record<string, unknown> = { data };
  if (raw.id !== undefined && raw.id !== null)
    record.externalId = typeof raw.id === "number" ? String(raw.id) : raw.id;
  const annotations: TImportAnnotation[] = [];
  const rawAnnotations = raw.annotations ?? raw.completions ?? [];
  if (!Array.isArray(rawAnnotations)) {
    problems.push({
      path: `${at}.annotations`,
      message: `annotations must be an array, got ${describeJsonType(rawAnnotations)}`,
    });
  } else {
    const seen = new Map<string, number>();
    rawAnnotations.forEach((entry: unknown, j) => {
      const path = `${at}.annotations.${j}`;
      if (!isPlainObject(entry)) {
        problems.push({ path, message: `an annotation must be an object, got ${describeJsonType(entry)}` });
        return;
      }
      if (entry.was_cancelled === true) return;
      const annotator = readAnnotator(completedBy(entry.completed_by), `${path}.completed_by`, problems);
      if (annotator !== null) {
        const earlier = seen.get(annotator);
        if (earlier !== undefined) {
          problems.push({
            path: `${path}.completed_by`,
            message: `${JSON.stringify(annotator)} already gave annotation ${earlier} of this task: one annotation per annotator and item`,
          });
          return;
        }
        seen.set(annotator, j);
      }
      const createdAt = readCreatedAt(entry.created_at ?? undefined, `${path}.created_at`, problems);
      const converted = convertResults(entry.result, path, data, definitions, problems);
      if (annotator !== null && converted !== null && Object.keys(converted.values).length > 0) {
        annotations.push({ annotator, values: converted.values, createdAt, paths: converted.paths });
      }
    });
  }
  if (Array.isArray(raw.predictions) && raw.predictions.length > 0) {
    // The first prediction becomes the item's pre-labels; later ones (other model versions) are left out.
    const first: unknown = raw.predictions[0];
    const path = `${at}.predictions.0`;
    const converted = isPlainObject(first)
      ? convertResults(first.result, path, data, definitions, problems)
      : null;
    const predicted = converted === null ? {} : withoutEmptySpans(converted.values);
    if (Object.keys(predicted).length > 0) record.predictions = predicted;
  }
  return problems.length > 0 ? { problems } : { raw: record, annotations };
}

function withoutEmptySpans(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => !(Array.isArray(v) && v.length === 0)));
}

function completedBy(value: unknown): unknown {
  if (isPlainObject(value)) return value.email ?? value.id;
  return value;
}

function convertResults(
  results: unknown,
  path: string,
  data: Record<string, unknown>,
  definitions: TDefinitionsByKey,
  problems: TFieldProblem[],
): { values: Record<string, unknown>; paths: Record<string, string> } | null {
  if (!Array.isArray(results)) {
    problems.push({
      path: `${path}.result`,
      message: `result must be an array, got ${describeJsonType(results)}`,
    });
    return null;
  }
  const before = problems.length;
  const values: Record<string, unknown> = {};
  const paths: Record<string, string> = {};
  const spans = new Map<string, TSpan[]>();
  results.forEach((result: unknown, k) => {
    const at = `${path}.result.${k}`;
    if (!isPlainObject(result)) {
      problems.push({ path: at, message: `a result must be an object, got ${describeJsonType(result)}` });
      return;
    }
    const key = result.from_name;
    const spec = typeof key === "string" ? definitions.get(key) : undefined;
    if (spec === undefined) {
      problems.push({
        path: `${at}.from_name`,
        message: `${showJsonValue(key ?? null)} is not a label definition of this project (${definitionList(definitions)})`,
      });
      return;
    }
    const part = convertResult(spec, result, data, at, problems);
    if (part === null) return;
    if (part.kind === "spans") {
      const list = spans.get(spec.key) ?? [];
      list.push(...part.spans);
      spans.set(spec.key, list);
      paths[spec.key] ??= at;
      return;
    }
    if (Object.hasOwn(values, spec.key)) {
      problems.push({
        path: `${at}.from_name`,
        message: `a second result for "${spec.key}" in one annotation`,
      });
      return;
    }
    values[spec.key] = part.value;
    paths[spec.key] = at;
  });
  for (const [key, list] of spans) values[key] = list;
  // A region tool with no region in a submitted annotation is a judgment too: "nothing to mark".
  for (const spec of definitions.values()) {
    if (
      spec.kind === "spans" &&
      !Object.hasOwn(values, spec.key) &&
      typeof data[spec.textField] === "string"
    ) {
      values[spec.key] = [];
    }
  }
  return problems.length > before ? null : { values, paths };
}
