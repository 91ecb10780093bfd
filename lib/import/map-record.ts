import { hash } from "node:crypto";
import { canonicalJsonFast } from "@/lib/label-definitions/canonical-json-fast";
import type {
  TFieldProblem,
  TImportAnnotation,
  TImportMapping,
  TImportRecord,
  TMapResult,
} from "./import-types";
import { parseDataField, pickValue } from "./data-field-pick";
import { describeJsonType } from "./json-record";
import { checkAnnotationsText, checkRecordText } from "./unsafe-record-text";
import {
  checkResponsesFields,
  checkTextFields,
  isPlainObject,
  readExternalId,
  readAnnotations,
  readPredictions,
  readPriority,
  setOwn,
} from "./record-fields";

/** The largest `data` accepted, measured as UTF-8 bytes of its canonical JSON (1 MiB). */
export const MAX_RECORD_DATA_BYTES = 1024 * 1024;

const API_FIELDS = "a record is {externalId?, data, priority?, predictions?}";

export type TRecordMapper = (raw: unknown, line: number) => TMapResult;

/** True when the mapping picks fields out of flat records (the UI/CSV flow) rather than API records. */
export function isMappingMode(mapping: TImportMapping | undefined): boolean {
  return (
    mapping !== undefined &&
    (mapping.dataFields !== undefined ||
      mapping.externalIdField !== undefined ||
      mapping.priorityField !== undefined ||
      mapping.predictionsField !== undefined)
  );
}

/**
 * Validates one raw record and turns it into an item. Hand-written checks rather than zod: this
 * runs a million times per large import (ZImportItemRecord in record-schema.ts is the same rule
 * as a schema, for docs, and a property test keeps the two in agreement).
 */
export function mapRecord(raw: unknown, line: number, mapping?: TImportMapping): TMapResult {
  return createRecordMapper(mapping)(raw, line);
}

/** `mapRecord` with the mapping prepared once: use this in loops. */
export function createRecordMapper(mapping: TImportMapping = {}): TRecordMapper {
  const required = {
    text: mapping.textFieldsRequired ?? [],
    responses: mapping.responsesFieldsRequired ?? [],
  };
  if (!isMappingMode(mapping)) return (raw, line) => mapApiRecord(raw, line, required);
  const { externalIdField, priorityField, predictionsField } = mapping;
  const dataFields = mapping.dataFields ?? "*";
  const excluded = new Set([externalIdField, priorityField, predictionsField].filter((f) => f !== undefined));
  const picks = dataFields === "*" ? null : dataFields.map(parseDataField);
  return (raw, line) => {
    if (!isPlainObject(raw)) return notAnObject(raw, line);
    const problems: TFieldProblem[] = [];
    const data: Record<string, unknown> = {};
    if (picks === null) {
      for (const field of Object.keys(raw)) {
        if (!excluded.has(field)) setOwn(data, field, raw[field]);
      }
    } else {
      for (const pick of picks) {
        const value = pickValue(raw, pick);
        if (value !== undefined) setOwn(data, pick.name, value);
      }
    }
    const externalId =
      externalIdField === undefined
        ? null
        : readExternalId(raw[externalIdField], externalIdField, true, problems);
    const priority =
      priorityField === undefined ? 0 : readPriority(raw[priorityField], priorityField, true, problems);
    const predictions =
      predictionsField === undefined
        ? null
        : readPredictions(raw[predictionsField], predictionsField, true, problems);
    return finish(line, data, externalId, priority, predictions, required, problems);
  };
}

type TRequiredFields = { text: readonly string[]; responses: readonly string[] };

function mapApiRecord(raw: unknown, line: number, required: TRequiredFields): TMapResult {
  if (!isPlainObject(raw)) return notAnObject(raw, line);
  const problems: TFieldProblem[] = [];
  for (const key in raw) {
    if (
      key !== "data" &&
      key !== "externalId" &&
      key !== "priority" &&
      key !== "predictions" &&
      key !== "annotations"
    ) {
      problems.push({ path: key, message: `unknown field: ${API_FIELDS}; put item fields inside data` });
    }
  }
  const rawData = raw.data;
  let data: Record<string, unknown> | null = null;
  if (isPlainObject(rawData)) data = rawData;
  else if (rawData === undefined) problems.push({ path: "data", message: `missing: ${API_FIELDS}` });
  else problems.push({ path: "data", message: `data must be an object, got ${describeJsonType(rawData)}` });
  const externalId = readExternalId(raw.externalId, "externalId", false, problems);
  const priority = readPriority(raw.priority, "priority", false, problems);
  const predictions = readPredictions(raw.predictions, "predictions", false, problems);
  const annotations = readAnnotations(raw.annotations, "annotations", problems);
  if (data === null) return { ok: false, line, errors: problems };
  return finish(line, data, externalId, priority, predictions, required, problems, annotations);
}

function finish(
  line: number,
  data: Record<string, unknown>,
  externalId: string | null,
  priority: number,
  predictions: Record<string, unknown> | null,
  required: TRequiredFields,
  problems: TFieldProblem[],
  annotations: TImportAnnotation[] | null = null,
): TMapResult {
  if (required.text.length > 0) checkTextFields(data, required.text, problems);
  if (required.responses.length > 0) checkResponsesFields(data, required.responses, problems);
  const dataJson = canonicalData(data, problems);
  if (dataJson !== null) checkRecordText(dataJson, data, externalId, predictions, problems);
  if (annotations !== null) checkAnnotationsText(annotations, problems);
  if (problems.length > 0 || dataJson === null) return { ok: false, line, errors: problems };
  const contentHash = hash("sha256", dataJson, "hex");
  const record: TImportRecord = { externalId, data, priority, predictions, contentHash, dataJson };
  if (annotations !== null) record.annotations = annotations;
  return { ok: true, record };
}

/** The canonical JSON of `data`; null (with a problem) when too large or not JSON. */
function canonicalData(data: Record<string, unknown>, problems: TFieldProblem[]): string | null {
  let canonical: string;
  try {
    canonical = canonicalJsonFast(data);
  } catch (error) {
    // JSON.parse turns 1e999 into Infinity, which has no JSON form.
    const reason = (error as Error).message.replace(/^canonicalJson: /, "");
    problems.push({ path: "data", message: `data cannot be stored as JSON: ${reason}` });
    return null;
  }
  // UTF-8 takes at least one byte per UTF-16 unit and at most three: count bytes only when unsure.
  if (canonical.length * 3 > MAX_RECORD_DATA_BYTES) {
    const bytes = Buffer.byteLength(canonical, "utf8");
    if (bytes > MAX_RECORD_DATA_BYTES) {
      problems.push({
        path: "data",
        message: `data is too large: ${bytes} bytes as JSON, the limit is ${MAX_RECORD_DATA_BYTES} (1 MiB) per record`,
      });
      return null;
    }
  }
  return canonical;
}

function notAnObject(raw: unknown, line: number): TMapResult {
  return {
    ok: false,
    line,
    errors: [{ path: "(record)", message: `a record must be a JSON object, got ${describeJsonType(raw)}` }],
  };
}
