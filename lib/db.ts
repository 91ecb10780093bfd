import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One pool per process, shared by Prisma and by the hot paths that use raw SQL (COPY, the queue claim).
const globalForDb = globalThis as unknown as {
  concordPool?: pg.Pool;
  concordPrisma?: PrismaClient;
  concordOnDisconnect?: Set<() => Promise<void>>;
};

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Concord with `npm start`, which sets it.");
  return url;
}

export function getPool(): pg.Pool {
  if (!globalForDb.concordPool) {
    const pool = new pg.Pool({
      connectionString: databaseUrl(),
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // 0 keeps idle connections open: bench:queue --history needs the connections (and the plans they
      // cached) that served before the history grew.
      idleTimeoutMillis: Number(process.env.DATABASE_POOL_IDLE_MS ?? 10_000),
    });
    // An idle connection the server dropped (a restart, a failover) is discarded by the pool; without
    // a listener its error would end the process.
    pool.on("error", (error) => console.error(`[concord] database connection lost: ${error.message}`));
    globalForDb.concordPool = pool;
  }
  return globalForDb.concordPool;
}

export function getPrisma(): PrismaClient {
  globalForDb.concordPrisma ??= new PrismaClient({ adapter: new PrismaPg(getPool()) });
  return globalForDb.concordPrisma;
}

/** A connection of its own, outside the pool, for one that is held for good (a LISTEN). */
export function createDedicatedClient(): pg.Client {
  return new pg.Client({ connectionString: databaseUrl() });
}

/** Has disconnectDb run `cleanup` too: for whoever holds connections outside the pool. */
export function onDisconnect(cleanup: () => Promise<void>): void {
  (globalForDb.concordOnDisconnect ??= new Set()).add(cleanup);
}

export const db = new Proxy({} as PrismaClient, {
  get: (_target, property) => {
    const prisma = getPrisma();
    const value = Reflect.get(prisma, property, prisma);
    return typeof value === "function" ? value.bind(prisma) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  const cleanups = [...(globalForDb.concordOnDisconnect ?? [])];
  globalForDb.concordOnDisconnect = undefined;
  await Promise.all(cleanups.map((cleanup) => cleanup()));
  await globalForDb.concordPrisma?.$disconnect();
  await globalForDb.concordPool?.end();
  globalForDb.concordPrisma = undefined;
  globalForDb.concordPool = undefined;
}
