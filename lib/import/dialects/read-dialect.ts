import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import type { TImportDialect, TImportFormat, TImportInput, TReadEntry, TReadOptions } from "../import-types";
import { DEFAULT_READ_BATCH_SIZE, problemsEntry } from "../json-record";
import { readRecordBatches } from "../read-records";
import { convertLabelStudioTask } from "./label-studio";
import type { TDefinitionsByKey } from "./option-lookup";
import { groupProdigyLines } from "./prodigy";
import { convertHhRlhf, hhFields } from "./hh-rlhf";

export type TDialectOptions = {
  dialect: TImportDialect;
  /** The project's current definitions (Label Studio's from_name and Prodigy's ?definition name one). */
  definitions: TDefinitionsByKey;
  /** Prodigy: the definition the lines answer; HH-RLHF: the pairwise definition whose fields the pairs fill. */
  definitionKey?: string;
};

/**
 * The records of an upload in Concord's shape: a dialect's tasks or lines are converted on the
 * way, and the labels they carry ride along on each entry (`annotations`).
 */
export function readDialectBatches(
  input: TImportInput,
  format: TImportFormat,
  dialect: TDialectOptions | undefined,
  read: TReadOptions = {},
): AsyncGenerator<TReadEntry[], void, undefined> {
  const batches = readRecordBatches(input, format, read);
  if (dialect === undefined || dialect.dialect === "concord") return batches;
  if (dialect.dialect === "label-studio") return convertLabelStudio(batches, dialect.definitions);
  if (dialect.dialect === "hh-rlhf") {
    const fields = hhFields(dialect.definitions, dialect.definitionKey);
    if (typeof fields === "string") throw new TypeError(`hh-rlhf: ${fields}`);
    return convertHhRlhf(batches, fields);
  }
  const spec =
    dialect.definitionKey === undefined ? undefined : dialect.definitions.get(dialect.definitionKey);
  if (spec === undefined) throw new TypeError("prodigy: the definition the lines answer is required");
  return groupProdigyLines(batches, spec as TLabelDefinitionSpec, read.batchSize ?? DEFAULT_READ_BATCH_SIZE);
}

async function* convertLabelStudio(
  batches: AsyncIterable<TReadEntry[]>,
  definitions: TDefinitionsByKey,
): AsyncGenerator<TReadEntry[], void, undefined> {
  let taskIndex = 0;
  for await (const entries of batches) {
    yield entries.map((entry): TReadEntry => {
      const index = taskIndex++;
      if ("error" in entry) return entry;
      const converted = convertLabelStudioTask(entry.raw as Record<string, unknown>, index, definitions);
      if ("problems" in converted) return problemsEntry(entry.line, converted.problems);
      return { line: entry.line, raw: converted.raw, annotations: converted.annotations };
    });
  }
}
