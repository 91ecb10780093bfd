// Concord's local processes as other programs find and start them: the embedded PostgreSQL cluster
// a running command holds, the session secret of a data folder, and the app process (serve.ts).
// Used by `npm start`, the queue benchmark and the two-process e2e test; plain Node with no
// server-only imports, so Playwright can load it too.
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

/** The database Concord uses in an embedded cluster. */
export const EMBEDDED_DATABASE = "concord";

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The URL of Concord's database in the embedded cluster at `clusterDir`, if a running command holds
 * it; else null. postmaster.pid: line 1 the pid, line 4 the port (a dead pid means nothing runs);
 * the password sits beside the cluster folder.
 */
export function runningClusterUrl(clusterDir: string): string | null {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  const password = readFileSync(`${clusterDir}.password`, "utf8").trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`;
}

/** The secret sessions are signed with, kept in the data folder (made on first use). */
export function sessionSecret(dataDir: string): string {
  const file = path.join(dataDir, "nextauth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

export type TAppProcess = { url: string; child: ChildProcess; stop: () => Promise<void> };

/**
 * Starts one app process (lib/cli/serve/serve.ts, on the production build) and resolves once it answers
 * its health check; rejects if it exits first or stays silent for two minutes.
 */
export async function startAppProcess(options: {
  databaseUrl: string;
  secret: string;
  port?: number;
  host?: string;
  /** Node flags before the script, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  env?: Record<string, string>;
  stdio?: StdioOptions;
}): Promise<TAppProcess> {
  const port = options.port ?? (await findFreePort());
  const host = options.host ?? "127.0.0.1";
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      "--conditions=react-server",
      "--import",
      "tsx",
      path.join("lib", "cli", "serve", "serve.ts"),
    ],
    {
      stdio: options.stdio ?? "inherit",
      env: {
        ...process.env,
        ...options.env,
        PORT: String(port),
        HOST: host,
        DATABASE_URL: options.databaseUrl,
        NEXTAUTH_SECRET: options.secret,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  const stop = async () => {
    if (!hasExited()) child.kill("SIGTERM");
    await exited;
  };
  const url = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (hasExited())
      throw new Error(`the app process exited (${child.exitCode ?? child.signalCode}) before it answered`);
    const isUp = await fetch(`${url}/api/v1/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (isUp) return { url, child, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app process did not answer at ${url} within two minutes`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
