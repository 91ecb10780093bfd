import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "e2e",
  forbidOnly: Boolean(process.env.CI),
  // On CI a test that fails is run once more: one that then passes is reported as flaky, named in
  // the summary line's preamble (lib/cli/summarize-test-reports.mjs), and does not fail the run. A
  // two-core CI machine running two browsers and the app has failed a page wait at random before.
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".reports/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-quic",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium", viewport: { width: 1280, height: 800 } } }],
  // The same start path as `npm start` (migrations, demo seed, production build, then the app process
  // lib/cli/serve/serve.ts with its hot lane), on a fresh embedded database of its own.
  webServer: {
    command:
      "node --conditions=react-server --import tsx lib/cli/serve/start.ts --data-dir .data/e2e --reset --fast --demo",
    url: `http://127.0.0.1:${port}/api/v1/health`,
    // Single sign-on against the OpenID Connect provider e2e/sso.spec.ts starts (e2e/oidc-provider.ts);
    // the app reads the provider only when someone signs in with it. Private webhook targets are
    // allowed: the webhook spec's receiver listens on 127.0.0.1.
    env: {
      PORT: String(port),
      DATABASE_URL: "",
      CONCORD_OIDC_ISSUER: `http://127.0.0.1:${port + 1000}`,
      CONCORD_OIDC_CLIENT_ID: "concord-e2e",
      CONCORD_OIDC_CLIENT_SECRET: "concord-e2e-client-secret-not-for-production",
      CONCORD_OIDC_NAME: "Test IdP",
      CONCORD_OIDC_SCOPES: "openid email profile groups",
      CONCORD_OIDC_ADMIN_GROUPS: "concord-admins",
      CONCORD_WEBHOOK_ALLOW_PRIVATE: "1",
    },
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
