import { Parser } from "csv-parse";
import type { CsvError, InfoRecord } from "csv-parse";
import { finished } from "node:stream/promises";
import { InvalidUtf8Error } from "./invalid-utf8-error";
import type { TReadEntry, TReadError } from "./import-types";
import { NewlineCounter } from "./newline-counter";

type TCsvOptions = { batchSize: number; maxRecordChars: number; delimiter: string };

/**
 * CSV with a header row, through csv-parse's streaming parser. Every value is a string.
 * A row with the wrong number of fields is a per-record error; a quoting error or a bad header
 * ends the stream (after a broken quote nothing that follows can be trusted).
 *
 * csv-parse runs synchronously inside `write()`, and `on_record`/`on_skip` push into one queue,
 * so records and errors come out in file order without buffering more than one input chunk.
 */
export async function* readCsvBatches(
  text: AsyncIterable<string>,
  options: TCsvOptions,
): AsyncGenerator<TReadEntry[], void, undefined> {
  const counter = new NewlineCounter();
  let queue: TReadEntry[] = [];
  let fatal: TReadError | null = null;
  let columnCount = 0;
  let lastRecordEnd = 0;

  const endLine = (bytesAfterRecord: number): number => counter.lineAt(Math.max(0, bytesAfterRecord - 1));
  const setFatal = (message: string, line: number): void => {
    if (fatal === null) fatal = { line, error: message, fatal: true };
  };

  const parser = new Parser({
    columns: (header: string[]) => {
      const problem = headerProblem(header, options.delimiter);
      if (problem !== null) setFatal(problem, 1);
      columnCount = header.length;
      lastRecordEnd = parser.info.bytes;
      return header;
    },
    bom: true,
    delimiter: options.delimiter,
    skip_empty_lines: true,
    relax_column_count: false,
    // A quote inside an unquoted field (he said "hi") is kept as text, not a fatal error.
    relax_quotes: true,
    skip_records_with_error: true,
    max_record_size: options.maxRecordChars,
    on_record: (record: unknown, context: InfoRecord) => {
      if (fatal !== null) return null;
      const fields = record as Record<string, string>;
      const line = endLine(context.bytes) - countNewlines(Object.values(fields));
      queue.push({ line, raw: fields });
      lastRecordEnd = context.bytes;
      return null;
    },
    on_skip: (error: CsvError | undefined) => {
      if (fatal !== null || error === undefined) return undefined;
      if (
        error.code === "CSV_RECORD_INCONSISTENT_COLUMNS" ||
        error.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH"
      ) {
        const fields = Array.isArray(error.record) ? (error.record as unknown[]) : [];
        const bytes = typeof error.bytes === "number" ? error.bytes : lastRecordEnd;
        const line = endLine(bytes) - countNewlines(fields);
        const message = `expected ${columnCount} fields (one per header column), got ${fields.length}`;
        queue.push({ line, error: message, fatal: false });
        lastRecordEnd = bytes;
        return undefined;
      }
      setFatal(describeFatal(error, options.maxRecordChars), counter.lineAt(lastRecordEnd));
      return undefined;
    },
  });
  parser.on("error", (error: Error) => {
    setFatal(`the CSV file could not be read: ${error.message}`, counter.lineAt(lastRecordEnd));
  });

  try {
    for await (const chunk of text) {
      const bytes = Buffer.from(chunk, "utf8");
      counter.add(bytes);
      parser.write(bytes);
      if (fatal !== null) break;
      if (queue.length >= options.batchSize) {
        yield queue;
        queue = [];
      }
    }
    if (fatal === null) {
      parser.end();
      await finished(parser, { readable: false }).catch(() => undefined);
    }
  } catch (error) {
    if (!(error instanceof InvalidUtf8Error)) throw error;
    setFatal(error.message, counter.lineAt(lastRecordEnd));
  } finally {
    parser.destroy();
  }
  // TS cannot see the assignments made in the parser callbacks.
  const fatalEntry = fatal as TReadError | null;
  if (fatalEntry !== null) queue.push(fatalEntry);
  if (queue.length > 0) yield queue;
}

function headerProblem(header: string[], delimiter: string): string | null {
  if (header.length === 1) {
    const other = [";", "\t", "|"].find(
      (candidate) => candidate !== delimiter && header[0].includes(candidate),
    );
    if (other !== undefined) {
      const name = other === "\t" ? "tabs" : `'${other}'`;
      return `the header has a single column ${JSON.stringify(header[0])}: the file seems to be separated by ${name}, not ${JSON.stringify(delimiter)}`;
    }
  }
  const seen = new Map<string, number>();
  for (let i = 0; i < header.length; i++) {
    const name = header[i];
    if (name.trim() === "") return `header column ${i + 1} has no name`;
    if (name === "__proto__") return "header column '__proto__' is not allowed";
    const earlier = seen.get(name);
    if (earlier !== undefined)
      return `header column '${name}' appears twice (columns ${earlier} and ${i + 1})`;
    seen.set(name, i + 1);
  }
  return null;
}

function describeFatal(error: CsvError, maxRecordChars: number): string {
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "a quoted field is never closed: the file ends inside quotes";
    case "CSV_INVALID_CLOSING_QUOTE":
      return 'a quoted field is followed by other characters (a stray quote? write a quote inside a quoted field as "")';
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return "a quoted field is followed by other characters";
    case "CSV_MAX_RECORD_SIZE":
      return `a record is longer than ${maxRecordChars} characters (an unclosed quote?)`;
    default:
      return `the CSV file could not be read: ${error.message}`;
  }
}

function countNewlines(values: unknown[]): number {
  let n = 0;
  for (const value of values) {
    if (typeof value !== "string") continue;
    let i = value.indexOf("\n");
    while (i !== -1) {
      n++;
      i = value.indexOf("\n", i + 1);
    }
  }
  return n;
}
