import { afterAll, describe, expect, it, vi } from "vitest";
import { disconnectDb, getPool } from "@/lib/db";
import { claimAs, createLabelingProject, submitAs } from "@/lib/testing/queue-fixtures";
import { clearAgreementCache } from "./agreement-cache";
import { getAgreementDashboard } from "./get-agreement-dashboard";
import { getAgreementDrift } from "./get-agreement-drift";
import { getAgreementOverview } from "./get-agreement-overview";
import { getDefinitionAgreement } from "./get-definition-agreement";

// While annotators label, the change stamp moves with every submit: a page that reads it twice
// loads and computes the project's whole analysis twice (issue #15's drill-down under load). The
// drill-down and the agreement page each read it once and build everything from that analysis.

afterAll(async () => {
  await disconnectDb();
});

const STAMP_SQL = "concat_ws('/'";

/** How many times `work` reads the change stamp. */
async function stampReads(work: () => Promise<unknown>): Promise<number> {
  const pool = getPool();
  const query = vi.spyOn(pool, "query");
  try {
    await work();
    return query.mock.calls.filter(([q]) => {
      const text = typeof q === "string" ? q : (q as { text?: string }).text;
      return text?.includes(STAMP_SQL);
    }).length;
  } finally {
    query.mockRestore();
  }
}

async function labeledProject() {
  const s = await createLabelingProject({ items: 6, overlap: 2, annotators: 2 });
  for (const [n, annotator] of s.annotators.entries())
    for (;;) {
      const claimed = await claimAs(annotator.token, s.params);
      if (claimed.status === 204) break;
      const res = await submitAs(annotator.token, claimed.body.assignmentId, {
        sentiment: ["pos", "neg", "neu"][n % 3],
      });
      expect(res.status).toBe(201);
    }
  return s;
}

describe("agreement reads one analysis per request", () => {
  it("the drill-down reads the change stamp once, its summary from the same analysis", async () => {
    const s = await labeledProject();
    clearAgreementCache();
    let detail: Awaited<ReturnType<typeof getDefinitionAgreement>> | undefined;
    const reads = await stampReads(async () => {
      detail = await getDefinitionAgreement(s.params.id, "sentiment", null, true);
    });
    expect(reads).toBe(1);
    const overview = await getAgreementOverview(s.params.id);
    expect(detail!.summary).toEqual(
      overview.definitions.find((d) => d.key === "sentiment" && d.version === null),
    );
    expect(detail!.summary.labels).toBe(12);
  });

  it("the agreement page's overview and drift come from one stamp read, equal to each read alone", async () => {
    const s = await labeledProject();
    clearAgreementCache();
    let dashboard: Awaited<ReturnType<typeof getAgreementDashboard>> | undefined;
    expect(
      await stampReads(async () => {
        dashboard = await getAgreementDashboard(s.params.id);
      }),
    ).toBe(1);
    const [overview, drift] = await Promise.all([
      getAgreementOverview(s.params.id),
      getAgreementDrift(s.params.id),
    ]);
    expect(dashboard!.overview).toEqual(overview);
    expect(dashboard!.drift).toEqual(drift);
  });
});
