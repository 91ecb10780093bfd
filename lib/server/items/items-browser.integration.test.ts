import { afterAll, describe, expect, it } from "vitest";
import { POST as adjudicateRoute } from "@/app/api/v1/projects/[id]/final-labels/items/[itemId]/adjudications/route";
import { GET as listItemsRoute } from "@/app/api/v1/projects/[id]/items/route";
import { disconnectDb } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { claimAs, createLabelingProject, submitAs } from "@/lib/testing/queue-fixtures";

afterAll(async () => {
  await disconnectDb();
});

type TSummary = {
  id: string;
  externalId: string;
  status: string;
  annotationCount: number;
  finalLabels: Record<string, unknown>;
  batchName: string;
};

/**
 * Six items, overlap 2, two annotators. Served in import order, so:
 * item-0: pos, pos -> resolved "pos"; item-1: pos, neg -> done (no majority), then adjudicated "neg";
 * item-2: neg, neg -> resolved "neg"; item-3: one annotation -> in progress; item-4, item-5: open.
 */
async function browsed() {
  const setup = await createLabelingProject({
    items: 6,
    overlap: 2,
    annotators: 2,
    data: (i) => ({
      text: `Ticket ${i} about ${i % 2 ? "a refund" : "shipping"}`,
      gold: i % 3 === 0 ? "yes" : "no",
    }),
  });
  const [first, second] = setup.annotators;
  const answers = [
    ["pos", "pos"],
    ["pos", "neg"],
    ["neg", "neg"],
  ];
  for (const [a, b] of answers) {
    for (const [annotator, value] of [
      [first, a],
      [second, b],
    ] as const) {
      const served = await claimAs(annotator.token, setup.params);
      expect((await submitAs(annotator.token, served.body.assignmentId, { sentiment: value })).status).toBe(
        201,
      );
    }
  }
  const fourth = await claimAs(first.token, setup.params);
  await submitAs(first.token, fourth.body.assignmentId, { sentiment: "pos" });
  const list = async (query = "") => {
    const res = await callRoute(listItemsRoute, {
      token: setup.lead.token,
      params: setup.params,
      path: `/x${query}`,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { items: TSummary[]; nextCursor: string | null };
  };
  return { ...setup, list };
}

const ids = (page: { items: TSummary[] }) => page.items.map((i) => i.externalId);

describe("the items browser", () => {
  it("shows status, annotation count, final labels and batch, and filters on each", async () => {
    const s = await browsed();
    const all = await s.list();
    expect(all.items.map((i) => [i.externalId, i.status, i.annotationCount, i.finalLabels])).toEqual([
      ["item-0", "resolved", 2, { sentiment: "pos" }],
      ["item-1", "done", 2, {}],
      ["item-2", "resolved", 2, { sentiment: "neg" }],
      ["item-3", "in_progress", 1, {}],
      ["item-4", "open", 0, {}],
      ["item-5", "open", 0, {}],
    ]);
    expect(new Set(all.items.map((i) => i.batchName)).size).toBe(1);
    expect(all.nextCursor).toBeNull();

    const decided = await callRoute(adjudicateRoute, {
      token: s.lead.token,
      params: { id: s.project.id, itemId: all.items[1].id },
      json: { definition: "sentiment", value: "neg" },
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(201);

    expect(ids(await s.list("?status=adjudicated"))).toEqual(["item-1"]);
    expect(ids(await s.list("?status=resolved"))).toEqual(["item-0", "item-2"]);
    expect(ids(await s.list("?status=done"))).toEqual([]);
    expect(ids(await s.list("?status=open"))).toEqual(["item-4", "item-5"]);
    expect(ids(await s.list("?status=in_progress"))).toEqual(["item-3"]);
    expect(ids(await s.list("?minAnnotations=1&maxAnnotations=1"))).toEqual(["item-3"]);
    expect(ids(await s.list("?label=sentiment&labelValue=neg"))).toEqual(["item-1", "item-2"]);
    expect(ids(await s.list("?label=sentiment"))).toEqual(["item-0", "item-1", "item-2"]);
    expect(
      ids(await s.list(`?batch=${(all.items[0] as TSummary & { batchId: string }).batchId}`)),
    ).toHaveLength(6);
    // A hidden field is a field like any other to the lead; text search is case-insensitive.
    expect(ids(await s.list("?field=gold&value=yes"))).toEqual(["item-0", "item-3"]);
    expect(ids(await s.list("?q=REFUND"))).toEqual(["item-1", "item-3", "item-5"]);
    expect(ids(await s.list("?q=refund&status=open"))).toEqual(["item-5"]);
  });

  it("pages with a keyset cursor through filtered items, and refuses bad filters naming them", async () => {
    const s = await browsed();
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page = await s.list(`?limit=1&q=ticket${cursor ? `&after=${cursor}` : ""}`);
      seen.push(...ids(page));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(["item-0", "item-1", "item-2", "item-3", "item-4", "item-5"]);

    const refuse = async (query: string, path: string) => {
      const res = await callRoute(listItemsRoute, {
        token: s.lead.token,
        params: s.params,
        path: `/x${query}`,
      });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    };
    await refuse("?status=finished", "status");
    await refuse("?minAnnotations=-1", "minAnnotations");
    await refuse("?labelValue=pos", "labelValue");
    await refuse("?value=yes", "value");
    await refuse("?after=abc", "after");
  });
});
