import { afterAll, describe, expect, it } from "vitest";
import { POST as skipRoute } from "@/app/api/v1/assignments/[id]/skip/route";
import { createDedicatedClient, disconnectDb, getPool } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { claimAs, createLabelingProject, submitAs } from "@/lib/testing/queue-fixtures";

// A claim that serves nothing says why: "done" (nothing left for you) or "leased" (everything open
// is leased by others right now, and when the first of those leases ends).

afterAll(async () => {
  await disconnectDb();
});

describe("a claim that serves nothing", () => {
  it("says done when nothing is left for the annotator, with no time to ask again", async () => {
    const { annotators, params } = await createLabelingProject({ items: 1, overlap: 1, annotators: 1 });
    const token = annotators[0].token;
    const served = await claimAs(token, params);
    const submitted = await submitAs(token, served.body.assignmentId, { sentiment: "pos" }, "?next=1");
    expect(submitted.body.next).toBeNull();
    expect(submitted.body.queue).toEqual({ state: "done", leasedItems: 0, leaseExpiresAt: null });
    const res = await claimAs(token, params);
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
    expect(res.headers.get("concord-queue-state")).toBe("done");
    expect(res.headers.get("retry-after")).toBeNull();
    expect(res.headers.get("concord-leased-items")).toBeNull();
  });

  it("says leased, how many items and when the first lease ends, while others hold every free slot", async () => {
    const { annotators, params } = await createLabelingProject({
      items: 3,
      overlap: 1,
      annotators: 4,
      leaseSeconds: 300,
    });
    const [waiting, ...holders] = annotators;
    const leases: string[] = [];
    for (const holder of holders) {
      const res = await claimAs(holder.token, params);
      expect(res.status).toBe(200);
      leases.push(res.body.expiresAt);
    }
    const asked = Date.now();
    const res = await claimAs(waiting.token, params);
    expect(res.status).toBe(204);
    expect(res.headers.get("concord-queue-state")).toBe("leased");
    expect(res.headers.get("concord-leased-items")).toBe("3");
    // The earliest of the three leases, as each holder was told when it was served.
    expect(res.headers.get("concord-lease-expires")).toBe([...leases].sort()[0]);
    const retryAfter = Number(res.headers.get("retry-after"));
    const untilExpiry = (Date.parse(leases.sort()[0]) - asked) / 1000;
    expect(retryAfter).toBeGreaterThanOrEqual(Math.floor(untilExpiry) - 5);
    expect(retryAfter).toBeLessThanOrEqual(Math.ceil(untilExpiry));

    // One holder gives its item back: it is served to the one waiting, and the rest is "done" for them.
    const skipped = await callRoute(skipRoute, {
      method: "POST",
      token: holders[0].token,
      params: { id: (await claimAs(holders[0].token, params)).body.assignmentId },
      path: "/x?next=1",
    });
    expect(skipped.status).toBe(200);
    expect(skipped.body.next).toBeNull();
    expect(skipped.body.queue).toMatchObject({ state: "leased", leasedItems: 2 });
    const freed = await claimAs(waiting.token, params);
    expect(freed.status).toBe(200);
  });

  it("answers 503 with Retry-After, not 204, when the only open item stays locked past the wait", async () => {
    const { annotators, params, project } = await createLabelingProject({
      items: 1,
      overlap: 1,
      annotators: 1,
    });
    const holder = createDedicatedClient();
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT id FROM items WHERE project_id = $1 FOR UPDATE", [project.id]);
      const res = await claimAs(annotators[0].token, params);
      expect(res.status).toBe(503);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.headers.get("retry-after")).toBe("1");
      await holder.query("COMMIT");
    } finally {
      await holder.end();
    }
    const { rows } = await getPool().query(
      "SELECT count(*)::int AS n FROM assignments WHERE project_id = $1",
      [project.id],
    );
    expect(rows[0].n).toBe(0);
    expect((await claimAs(annotators[0].token, params)).status).toBe(200);
  });
});
