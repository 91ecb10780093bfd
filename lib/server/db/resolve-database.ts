import "server-only";
import path from "node:path";
import { EMBEDDED_DATABASE, runningClusterUrl } from "@/lib/cli/serve/local-services";
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
  const running = runningClusterUrl(clusterDir);
  if (running) return { url: running, isEmbedded: true, stop: async () => undefined };
  const server = await startEmbeddedPostgres({
    dataDir: clusterDir,
    fastUnsafe: options.fastUnsafe,
    log: options.log,
  });
  await server.createDatabase(EMBEDDED_DATABASE);
  return { url: server.url(EMBEDDED_DATABASE), isEmbedded: true, stop: server.stop };
}
