import "server-only";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres";

export type TDatabase = { url: string; isEmbedded: boolean; stop: () => Promise<void> };

export const DEFAULT_DATA_DIR = ".data";

/**
 * The database every Concord command uses: the server DATABASE_URL names, or else the embedded
 * PostgreSQL whose cluster lives in `<dataDir>/postgres`. When another command (say a running
 * `npm start`) already runs that cluster, this one connects to it instead of starting a second.
 */
export async function resolveDatabase(options: {
  dataDir?: string;
  fastUnsafe?: boolean;
  log?: (line: string) => void;
}): Promise<TDatabase> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, isEmbedded: false, stop: async () => undefined };
  }
  const dataDir = path.resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const clusterDir = path.join(dataDir, "postgres");
  const running = runningCluster(clusterDir);
  if (running) {
    const password = readFileSync(`${clusterDir}.password`, "utf8").trim();
    return {
      url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${running.port}/concord`,
      isEmbedded: true,
      stop: async () => undefined,
    };
  }
  const server = await startEmbeddedPostgres({
    dataDir: clusterDir,
    fastUnsafe: options.fastUnsafe,
    log: options.log,
  });
  await server.createDatabase("concord");
  return { url: server.url("concord"), isEmbedded: true, stop: server.stop };
}

// postmaster.pid: line 1 the pid, line 4 the port. A stale file (dead pid) means nothing runs.
function runningCluster(clusterDir: string): { port: number } | null {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return null;
  try {
    process.kill(pid, 0);
    return { port };
  } catch {
    return null;
  }
}
