// Raw COPY baselines for the benchmarks of bulk work (import, export): the same rows moved by
// PostgreSQL's COPY with nothing around it, on the same database in the same run.
import { pipeline } from "node:stream/promises";
import { Readable, Writable } from "node:stream";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";

/** Seconds to stream `sql`'s rows out with COPY … TO STDOUT and drop them. */
export async function timeCopyOut(
  databaseUrl: string,
  sql: string,
): Promise<{ seconds: number; bytes: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let bytes = 0;
    const started = performance.now();
    await pipeline(
      client.query(copyTo(`COPY (${sql}) TO STDOUT`)),
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          done();
        },
      }),
    );
    return { seconds: (performance.now() - started) / 1000, bytes };
  } finally {
    await client.end();
  }
}

/** Streams `lines` (COPY text format, any chunking) into `COPY … FROM STDIN` on `client`. */
export async function copyLinesInto(
  client: pg.ClientBase,
  sql: string,
  lines: AsyncIterable<string> | Iterable<string>,
): Promise<void> {
  await pipeline(Readable.from(lines), client.query(copyFrom(sql)));
}

/**
 * Seconds to COPY `lines` (COPY text format) into a scratch copy of `table` (its defaults, checks
 * and indexes, not its foreign keys), dropped afterwards.
 */
export async function timeCopyIn(
  databaseUrl: string,
  table: string,
  columns: string[],
  lines: AsyncIterable<string>,
): Promise<{ seconds: number; rows: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const scratch = `bench_copy_${table}`;
  try {
    await client.query(`DROP TABLE IF EXISTS ${scratch}`);
    await client.query(
      `CREATE TABLE ${scratch} (LIKE ${table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`,
    );
    const started = performance.now();
    await copyLinesInto(client, `COPY ${scratch} (${columns.join(", ")}) FROM STDIN`, lines);
    const seconds = (performance.now() - started) / 1000;
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${scratch}`);
    return { seconds, rows: rows[0].n };
  } finally {
    await client.query(`DROP TABLE IF EXISTS ${scratch}`);
    await client.end();
  }
}

/** A value as COPY's text format writes it (backslash, tab, newline and carriage return escaped). */
export function copyText(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c]!);
}
