import "server-only";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";

/**
 * Runs one `COPY ... FROM STDIN` with the given rows (COPY text format). The query is queued on the
 * client like any other, so several can be started without waiting: they run in order, and the
 * caller parses the next records meanwhile.
 */
export function copyRows(client: PoolClient, sql: string, text: string): Promise<void> {
  const copy = client.query(copyFrom(sql));
  return new Promise<void>((resolve, reject) => {
    copy.on("finish", resolve);
    copy.on("error", reject);
    copy.end(text);
  });
}
