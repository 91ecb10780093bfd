// A Vitest run that must fail: one failing unit test and one failing integration test on real
// PostgreSQL (started by the project's own global setup). `exit-status.integration.test.ts` runs it
// and asserts a non-zero exit status. Its files end in `.fixture.ts`, so the project's own runs skip them.
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "../../..");
const alias = {
  "@": root,
  "server-only": path.resolve(root, "lib/testing/server-only-stub.ts"),
};

export default defineConfig({
  root,
  resolve: { alias },
  test: {
    // No JSON report: this run must not overwrite the real run's `.reports/vitest.json`.
    reporters: ["default"],
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/testing/exit-status-fixture/failing-unit.fixture.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["lib/testing/exit-status-fixture/failing-integration.fixture.ts"],
          environment: "node",
          globalSetup: ["lib/testing/integration-global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
