// `npm start`: database (embedded unless DATABASE_URL is set), migrations, demo seed, production
// build when the sources changed, then the app process (lib/cli/serve/serve.ts). Ctrl-C stops the app,
// then PostgreSQL.
import { rmSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { migrateDatabase } from "@/lib/server/db/migrate";
import { DEFAULT_DATA_DIR, resolveDatabase } from "@/lib/server/db/resolve-database";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "@/lib/server/demo/seed-demo";
import { disconnectDb } from "@/lib/db";
import { parseCliArgs } from "../args";
import { buildIfNeeded } from "./build-if-needed";
import { sessionSecret, startAppProcess, type TAppProcess } from "./local-services";

const log = (line: string) => console.log(`[concord] ${line}`);

const args = parseCliArgs(
  process.argv.slice(2),
  {
    demo: { type: "boolean" },
    "data-dir": { type: "string" },
    reset: { type: "boolean" },
    fast: { type: "boolean" },
    host: { type: "string" },
  },
  z.object({
    demo: z.boolean().optional(),
    "data-dir": z.string().optional(),
    reset: z.boolean().optional(),
    fast: z.boolean().optional(),
    host: z.string().optional(),
  }),
);
const port = z.coerce
  .number()
  .int()
  .min(1)
  .max(65535)
  .parse(process.env.PORT ?? "3000");
const dataDir = path.resolve(args["data-dir"] ?? DEFAULT_DATA_DIR);

async function main() {
  if (args.reset && !process.env.DATABASE_URL)
    rmSync(path.join(dataDir, "postgres"), { recursive: true, force: true });
  const database = await resolveDatabase({ dataDir, fastUnsafe: args.fast, log });
  log(
    database.isEmbedded ? `embedded PostgreSQL in ${path.join(dataDir, "postgres")}` : "using DATABASE_URL",
  );
  process.env.DATABASE_URL = database.url;
  const { applied } = await migrateDatabase(database.url, { log });
  log(applied.length ? `${applied.length} migration(s) applied` : "database schema up to date");
  const isDemo = database.isEmbedded || Boolean(args.demo);
  if (isDemo) {
    const started = performance.now();
    await seedDemo(log);
    log(`demo ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  await disconnectDb();

  buildIfNeeded(log);
  const host = args.host ?? "127.0.0.1";
  const url = `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;
  let app: TAppProcess;
  try {
    app = await startAppProcess({
      databaseUrl: database.url,
      // Sessions are signed with it. Several app processes must share one: set NEXTAUTH_SECRET.
      secret: process.env.NEXTAUTH_SECRET ?? sessionSecret(dataDir),
      port,
      host,
      env: { NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? url },
    });
  } catch (error) {
    await database.stop();
    throw error;
  }
  log(`Concord is at ${url}`);
  if (isDemo) {
    log(`demo sign-ins (password "${DEMO_PASSWORD}"):`);
    for (const account of DEMO_ACCOUNTS) log(`  ${account.role.padEnd(10)} ${account.email}`);
  }

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await app.stop();
    await database.stop();
    log("stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  app.child.on("exit", (code) => void stop(code ?? 1));
}

main().catch((error: unknown) => {
  console.error(`[concord] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
