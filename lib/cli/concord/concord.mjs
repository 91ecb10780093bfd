#!/usr/bin/env node
// The `concord` command: runs lib/cli/concord/cli.ts with TypeScript support. The react-server condition
// lets it load the server-only modules of lib/server, which it shares with the app.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const result = spawnSync(
  process.execPath,
  [
    "--conditions=react-server",
    "--import",
    import.meta.resolve("tsx"),
    path.join(root, "lib", "cli", "concord", "cli.ts"),
    ...process.argv.slice(2),
  ],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);
