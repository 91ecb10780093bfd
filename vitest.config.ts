import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // server-only throws outside React Server Components; tests run the server modules directly.
  "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ["default", ["json", { outputFile: ".reports/vitest.json" }]],
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
          environment: "node",
          // A few unit tests stream 200,000 rows; on a loaded two-core machine they pass 5 s.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["lib/**/*.integration.test.ts"],
          environment: "node",
          globalSetup: ["lib/testing/integration-global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
