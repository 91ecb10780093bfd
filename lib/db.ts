import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { numberSetting } from "@/lib/settings/number-settings";

/**
 * Which pool a request's queries take. The queue's hot routes (claim, submit, skip: fifty annotators
 * at once) run in the "queue" lane with a pool of their own; everything else (pages, API reads,
 * background work) in "main". With one pool, a lead's page waited in the pool's line behind the
 * annotators' requests for each of its queries (a trivial read took 378 ms at p95 under 50 labelers).
 */
export type TDbLane = "main" | "queue";

// One pool per lane per process, shared by Prisma and by the hot paths that use raw SQL (COPY, the
// queue claim). On globalThis, the lane's store too: Next's bundle and the app process's own modules
// (lib/cli/serve) are separate copies of this file and must share them.
const globalForDb = globalThis as unknown as {
  concordPools?: Map<TDbLane, pg.Pool>;
  concordPrismas?: Map<TDbLane, PrismaClient>;
  concordLane?: AsyncLocalStorage<TDbLane>;
  concordOnDisconnect?: Set<() => Promise<void>>;
};

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Concord with `npm start`, which sets it.");
  return url;
}

const laneStore = (globalForDb.concordLane ??= new AsyncLocalStorage<TDbLane>());

/** Runs `work` with its queries (awaited ones and those it starts) on `lane`'s pool. */
export function inDbLane<T>(lane: TDbLane, work: () => T): T {
  return laneStore.run(lane, work);
}

/**
 * A lane's pool's size: DATABASE_POOL_SIZE (default 10), and DATABASE_QUEUE_POOL_SIZE (default 8) for
 * the queue's. Eight keeps two cores' PostgreSQL busy with claims and submits (bench:pages at 50,000
 * items: 348 cycles/s with 8, 347 with 20), and a page's steps then wait behind eight queue
 * requests, not twenty (a trivial read's p95 under 50 labelers: 48 ms with 8, 196 ms with 20).
 */
export function poolSize(lane: TDbLane): number {
  if (lane === "queue") return numberSetting("DATABASE_QUEUE_POOL_SIZE");
  return numberSetting("DATABASE_POOL_SIZE");
}

export function getPool(): pg.Pool {
  const lane = laneStore.getStore() ?? "main";
  const pools = (globalForDb.concordPools ??= new Map<TDbLane, pg.Pool>());
  let pool = pools.get(lane);
  if (!pool) {
    pool = new pg.Pool({
      connectionString: databaseUrl(),
      max: poolSize(lane),
      // 0 keeps idle connections open: bench:queue --history needs the connections (and the plans they
      // cached) that served before the history grew.
      idleTimeoutMillis: numberSetting("DATABASE_POOL_IDLE_MS"),
    });
    // An idle connection the server dropped (a restart, a failover) is discarded by the pool; without
    // a listener its error would end the process.
    pool.on("error", (error) => console.error(`[concord] database connection lost: ${error.message}`));
    pools.set(lane, pool);
  }
  return pool;
}

export function getPrisma(): PrismaClient {
  const lane = laneStore.getStore() ?? "main";
  const prismas = (globalForDb.concordPrismas ??= new Map<TDbLane, PrismaClient>());
  let prisma = prismas.get(lane);
  if (!prisma) {
    prisma = new PrismaClient({ adapter: new PrismaPg(getPool()) });
    prismas.set(lane, prisma);
  }
  return prisma;
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
  const prismas = [...(globalForDb.concordPrismas?.values() ?? [])];
  const pools = [...(globalForDb.concordPools?.values() ?? [])];
  globalForDb.concordPrismas = undefined;
  globalForDb.concordPools = undefined;
  await Promise.all(prismas.map((prisma) => prisma.$disconnect()));
  await Promise.all(pools.map((pool) => pool.end()));
}
