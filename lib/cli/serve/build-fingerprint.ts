import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "next.config.js",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];

/** A hash of the build inputs' paths, sizes and modification times: it changes when a source does. */
export function buildFingerprint(root: string): string {
  const hash = createHash("sha256");
  const visit = (relative: string) => {
    const full = path.join(root, relative);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      // The benchmarks run beside the app and are no part of its build: editing one rebuilds nothing.
      if (relative.endsWith("generated") || relative === path.join("lib", "cli", "bench")) return;
      for (const name of readdirSync(full).sort()) visit(path.join(relative, name));
      return;
    }
    if (/\.test\.tsx?$/.test(relative)) return;
    hash.update(`${relative}\0${stat.size}\0${stat.mtimeMs}\n`);
  };
  INPUTS.forEach(visit);
  return hash.digest("hex");
}
