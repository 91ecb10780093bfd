import "server-only";
import type { PoolClient } from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * A transaction of either kind the use cases open: a pg client inside BEGIN, or Prisma's. Writers
 * that must commit with the change they follow (the audit trail, the webhook outbox) take one.
 */
export type TTx = Pick<PoolClient, "query"> | Prisma.TransactionClient;

/** Runs one statement with $n parameters in the transaction, whichever kind it is. */
export async function execInTx(tx: TTx, sql: string, args: unknown[]): Promise<void> {
  if ("query" in tx) await tx.query(sql, args);
  else await tx.$executeRawUnsafe(sql, ...args);
}
