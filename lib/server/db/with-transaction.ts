import "server-only";
import type pg from "pg";
import type { PoolClient } from "pg";
import { getPool } from "@/lib/db";

/** REPEATABLE READ READ ONLY: every statement of `fn` reads one snapshot (readers of many statements). */
export const ONE_SNAPSHOT = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

/**
 * Runs `fn` in one transaction on one pooled connection (of the reads' pool unless told): committed
 * if it returns, rolled back if it throws. `begin` opens it (ONE_SNAPSHOT for a consistent read).
 */
export async function withTransaction<T>(
  fn: (client: PoolClient) => Promise<T>,
  options: { begin?: string; pool?: pg.Pool } = {},
): Promise<T> {
  const client = await (options.pool ?? getPool()).connect();
  try {
    await client.query(options.begin ?? "BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
