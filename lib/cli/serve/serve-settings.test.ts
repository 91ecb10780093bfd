import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// An app process refuses to start on a numeric setting that is not a number, naming it, before it
// prepares Next or opens a database connection (lib/settings/number-settings.ts).
describe("npm start's app process", () => {
  it("stops at start-up on a bad numeric setting, naming the variable", () => {
    const run = spawnSync(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "lib/cli/serve/serve.ts"],
      {
        env: {
          ...process.env,
          DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none",
          NEXTAUTH_SECRET: "test",
          PORT: "1",
          CONCORD_AGREEMENT_APPLY_MS: "quick",
        },
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('CONCORD_AGREEMENT_APPLY_MS="quick"');
  }, 70_000);
});
