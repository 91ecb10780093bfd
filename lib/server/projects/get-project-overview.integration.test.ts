import { afterAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db";
import { claimAs, createLabelingProject, submitAs } from "@/lib/testing/queue-fixtures";
import { getProjectOverview } from "./get-project-overview";

afterAll(async () => {
  await disconnectDb();
});

describe("the project overview", () => {
  it("counts items done, in progress and untouched from the queue's counters", async () => {
    const { annotators, params, project } = await createLabelingProject({
      items: 5,
      overlap: 2,
      annotators: 3,
    });
    const [a, b, c] = annotators;
    const next = (token: string) => claimAs(token, params);
    const submit = (token: string, id: string) => submitAs(token, id, { sentiment: "pos" });
    // item-0: a and b submit (done). item-1: c holds a lease (in progress). The rest untouched.
    const first = await next(a.token);
    await submit(a.token, first.body.assignmentId);
    const second = await next(b.token);
    expect(second.body.item.id).toBe(first.body.item.id);
    await submit(b.token, second.body.assignmentId);
    await next(c.token);
    expect(await getProjectOverview(project.id)).toMatchObject({
      items: 5,
      done: 1,
      inProgress: 1,
      batches: 1,
    });
  });
});
