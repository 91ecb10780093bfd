/**
 * Shared types of the item import pipeline: reader → mapper → collector.
 * Pure types; safe to import from server and browser code.
 */

export type TImportFormat = "jsonl" | "json" | "csv";

/**
 * Whose conventions the records follow: Concord's own records (in any file format), a Label
 * Studio JSON export (tasks), Prodigy JSONL (one annotation a line, grouped by `_input_hash`), or
 * HH-RLHF JSONL (`{chosen, rejected}` transcripts, split into a pairwise item).
 */
export type TImportDialect = "concord" | "label-studio" | "prodigy" | "hh-rlhf";

/** What the reader accepts: a request body (web ReadableStream), a Node stream, any async iterable of chunks. */
export type TImportInput =
  AsyncIterable<Uint8Array | string> | NodeJS.ReadableStream | ReadableStream<Uint8Array>;

/** One record as read from the file, before mapping. `line` is 1-based, where the record starts. */
export type TReadRecord = {
  line: number;
  raw: unknown;
  /** Labels a dialect (Label Studio, Prodigy) already converted and checked for shape. */
  annotations?: TImportAnnotation[];
};

/**
 * A record the reader could not read. `fatal` errors (the file's structure is broken, e.g. a JSON
 * input that is not an array) are always the last entry of the stream.
 */
export type TReadError = {
  line: number;
  error: string;
  fatal: boolean;
  /** Problems naming their fields (a dialect's conversion); when set, `error` is their summary. */
  problems?: TFieldProblem[];
};

export type TReadEntry = TReadRecord | TReadError;

export function isReadError(entry: TReadEntry): entry is TReadError {
  return "error" in entry;
}

export type TReadOptions = {
  /** Entries per yielded batch (default 1000). */
  batchSize?: number;
  /**
   * A single line / array element / CSV record longer than this many characters is reported and
   * skipped without being buffered (default 8 MiB): it bounds memory for hostile input.
   */
  maxRecordChars?: number;
  /** CSV field delimiter (default ","). */
  csvDelimiter?: string;
};

/**
 * How raw records become items.
 * API mode (no field option set, JSON/JSONL only): each record is `{externalId?, data, priority?, predictions?}`.
 * Mapping mode (any field option set, and always for CSV): `data` is built from the record's own fields.
 */
export type TImportMapping = {
  /** Fields copied into `data`; "*" (the default in mapping mode) = every field except the id/priority/predictions fields. */
  dataFields?: string[] | "*";
  externalIdField?: string;
  priorityField?: string;
  predictionsField?: string;
  /** `data` fields that must hold a non-empty string (e.g. the text field of a spans definition). */
  textFieldsRequired?: string[];
  /** `data` fields that must hold an array of strings (the responses of a ranking definition). */
  responsesFieldsRequired?: string[];
};

/**
 * One problem with one record. `path` is dot-joined ("data.text", "priority") or "(record)".
 * `line` when the problem is on another line than where the record starts (a Prodigy annotation).
 */
export type TFieldProblem = { path: string; message: string; line?: number };

/** A human label that comes with an imported item: one annotator's values, by definition key. */
export type TImportAnnotation = {
  /** A user's email, or any other id (an external annotator of the project). */
  annotator: string;
  values: Record<string, unknown>;
  /** ISO 8601; null means the time of the import. */
  createdAt: string | null;
  /** Where each value came from in the source file, for error paths (default `annotations.<i>.values.<key>`). */
  paths?: Record<string, string>;
  /** The file line of this annotation when it is not the record's (Prodigy). */
  line?: number;
};

export type TImportRecord = {
  externalId: string | null;
  data: Record<string, unknown>;
  priority: number;
  predictions: Record<string, unknown> | null;
  /** Existing labels imported with the item; absent when none. */
  annotations?: TImportAnnotation[];
  /** sha256 hex of `dataJson`. */
  contentHash: string;
  /**
   * The canonical JSON text of `data` (sorted keys, no whitespace). The same value as `data`:
   * insert it as-is (e.g. `$1::jsonb`) to save serializing `data` a second time.
   */
  dataJson: string;
};

export type TMapResult =
  { ok: true; record: TImportRecord } | { ok: false; line: number; errors: TFieldProblem[] };

/** One entry of the error report: a problem on a line of the file. */
export type TImportError = { line: number; path: string; message: string };

export type TDuplicateInFile = {
  line: number;
  duplicateOfLine: number;
  /**
   * "externalId": the same externalId with the same data as an earlier record (or with different
   * data when `idConflict` is "duplicate"); "content": no externalId, and the same data as an
   * earlier record without an externalId.
   */
  reason: "externalId" | "content";
};
