import "server-only";
import type { PoolClient } from "pg";
import { getPool } from "@/lib/db";

/** Runs `fn` in one transaction on one pooled connection: committed if it returns, rolled back if it throws. */
export async function withTransaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
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
