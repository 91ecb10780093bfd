import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildFingerprint } from "./build-fingerprint";

/** Runs `next build` unless the last build was made from the same sources. */
export function buildIfNeeded(log: (line: string) => void): void {
  const fingerprint = buildFingerprint(process.cwd());
  const stamp = path.join(".next", "concord-build-fingerprint");
  const isCurrent =
    existsSync(path.join(".next", "BUILD_ID")) &&
    existsSync(stamp) &&
    readFileSync(stamp, "utf8") === fingerprint;
  if (isCurrent) return;
  log("building the production app (once per change of the sources)…");
  const result = spawnSync(
    process.execPath,
    [path.join("node_modules", "next", "dist", "bin", "next"), "build"],
    {
      // Next's log goes to stderr: the benchmarks print their JSON alone on stdout.
      stdio: ["ignore", 2, 2],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    },
  );
  if (result.status !== 0) throw new Error("next build failed");
  writeFileSync(stamp, fingerprint);
}
