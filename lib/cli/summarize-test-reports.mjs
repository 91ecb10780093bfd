// Sums the test runners' own JSON reports (Vitest, Playwright) into the one line CI reads. Exits 1
// when any test failed or a runner's report is missing: `.ci/run`'s second guard, beside the test
// command's own exit status.
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null);

const vitest = read(".reports/vitest.json");
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  // A file that failed before any of its tests ran (a syntax error, a failing hook) counts once.
  failed += (vitest.testResults ?? []).filter(
    (file) => file.status === "failed" && !file.assertionResults?.some((test) => test.status === "failed"),
  ).length;
}
const playwright = read(".reports/playwright.json");
if (playwright?.stats) {
  passed += (playwright.stats.expected ?? 0) + (playwright.stats.flaky ?? 0);
  failed += playwright.stats.unexpected ?? 0;
  const flaky = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const run of spec.tests ?? [])
        if (run.status === "flaky") flaky.push(`${spec.file}: ${spec.title}`);
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of playwright.suites ?? []) walk(suite);
  for (const name of flaky) console.log(`(flaky: failed once, passed on its retry) ${name}`);
}
if (!vitest) console.log("(no Vitest report: the run stopped before the unit and integration tests)");
if (!playwright) console.log("(no Playwright report: the run stopped before the end-to-end tests)");
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || !vitest || !playwright?.stats ? 1 : 0);
