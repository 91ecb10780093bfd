// The Toxic Spans fixture in Concord: the API's span figures equal a reference computed here, straight
// from the CSV files, without lib/agreement.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as detailRoute } from "@/app/api/v1/projects/[id]/agreement/definitions/[key]/route";
import { GET as driftRoute } from "@/app/api/v1/projects/[id]/agreement/drift/route";
import { GET as overviewRoute } from "@/app/api/v1/projects/[id]/agreement/route";
import { disconnectDb } from "@/lib/db";
import type { TAgreementOverview } from "@/lib/schemas/agreement";
import type { TDefinitionAgreement } from "@/lib/schemas/agreement-detail";
import type { TAgreementDrift } from "@/lib/schemas/agreement-drift";
import { callRoute } from "@/lib/testing/call-route";
import { seedToxicSpansProject, TOXIC_SPANS_DIR } from "@/lib/testing/seed-toxic-spans";

afterAll(async () => {
  await disconnectDb();
});

type TRefSpan = { start: number; end: number; type: string };
type TPost = { id: string; text: string; annotations: TRefSpan[][] };

/** The posts in comments.csv order, each with its workers' spans (offsets in code points, as given). */
function readReference(): TPost[] {
  const read = (name: string) =>
    parse(readFileSync(path.join(TOXIC_SPANS_DIR, `${name}.csv`), "utf8"), { columns: true }) as Record<
      string,
      string
    >[];
  const spans = new Map<string, TRefSpan[]>();
  for (const s of read("spans")) {
    const list = spans.get(s.annotation) ?? [];
    list.push({ start: Number(s.start), end: Number(s.end), type: s.type });
    spans.set(s.annotation, list);
  }
  const posts = new Map(
    read("comments").map((c) => [c.comment_id, { id: c.comment_id, text: c.comment_text }]),
  );
  const byPost = new Map<string, TRefSpan[][]>();
  for (const a of read("annotations")) {
    const length = [...posts.get(a.comment_id)!.text].length;
    // As documented for the import: cut at the end of the text, drop what is left empty, once each.
    const kept = new Map<string, TRefSpan>();
    for (const s of spans.get(a.annotation) ?? []) {
      const end = Math.min(s.end, length);
      if (end > s.start) kept.set(`${s.start}:${end}:${s.type}`, { ...s, end });
    }
    byPost.set(a.comment_id, [...(byPost.get(a.comment_id) ?? []), [...kept.values()]]);
  }
  return [...posts.values()].flatMap((p) =>
    byPost.has(p.id) ? [{ ...p, annotations: byPost.get(p.id)! }] : [],
  );
}

const chars = (spans: TRefSpan[]) => new Set(spans.flatMap((s) => range(s.start, s.end)));
const range = (a: number, b: number) => Array.from({ length: b - a }, (_, k) => a + k);
const pairsOf = <T>(xs: T[]) => xs.flatMap((x, i) => xs.slice(i + 1).map((y) => [x, y] as const));

function semevalF1(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  return (2 * [...a].filter((c) => b.has(c)).length) / (a.size + b.size);
}

/** Mean over posts of the mean over each post's pairs of SemEval's F1. */
const charF1Macro = (posts: TPost[]) =>
  mean(posts.map((p) => mean(pairsOf(p.annotations.map(chars)).map(([a, b]) => semevalF1(a, b)))));
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Largest set of disjoint (a, b) overlapping pairs, by trying every assignment (spans per label are few). */
function bestMatching(as: TRefSpan[], bs: TRefSpan[], same: (a: TRefSpan, b: TRefSpan) => boolean): number {
  if (as.length === 0) return 0;
  const [a, ...rest] = as;
  let best = bestMatching(rest, bs, same);
  bs.forEach((b, j) => {
    if (same(a, b))
      best = Math.max(best, 1 + bestMatching(rest, [...bs.slice(0, j), ...bs.slice(j + 1)], same));
  });
  return best;
}

/** Concord's span F1: pairs matched within each type, micro-averaged over every pair of every post. */
function spanF1(posts: TPost[], mode: "overlap" | "exact"): number {
  const same =
    mode === "exact"
      ? (a: TRefSpan, b: TRefSpan) => a.start === b.start && a.end === b.end
      : (a: TRefSpan, b: TRefSpan) => a.start < b.end && b.start < a.end;
  let matched = 0;
  let total = 0;
  for (const p of posts)
    for (const [x, y] of pairsOf(p.annotations)) {
      total += x.length + y.length;
      for (const type of new Set([...x, ...y].map((s) => s.type)))
        matched += bestMatching(
          x.filter((s) => s.type === type),
          y.filter((s) => s.type === type),
          same,
        );
    }
  return (2 * matched) / total;
}

/** Krippendorff's nominal alpha of marked / nothing, from the coincidence matrix as in his 2011 paper. */
function alphaMarked(posts: TPost[]): number {
  const o = [
    [0, 0],
    [0, 0],
  ];
  for (const p of posts) {
    const v = p.annotations.map((a) => (chars(a).size > 0 ? 1 : 0));
    for (let i = 0; i < v.length; i++)
      for (let j = 0; j < v.length; j++) if (i !== j) o[v[i]][v[j]] += 1 / (v.length - 1);
  }
  const n0 = o[0][0] + o[0][1];
  const n1 = o[1][0] + o[1][1];
  const n = n0 + n1;
  return 1 - ((n - 1) * (o[0][1] + o[1][0])) / (2 * n0 * n1);
}

const bothEmpty = (posts: TPost[]) => {
  const pairs = posts.flatMap((p) => pairsOf(p.annotations.map(chars)));
  return pairs.filter(([a, b]) => a.size === 0 && b.size === 0).length / pairs.length;
};

describe("span agreement on the Toxic Spans crowd annotations", () => {
  const posts = readReference();
  let seeded: Awaited<ReturnType<typeof seedToxicSpansProject>>;
  beforeAll(async () => {
    seeded = await seedToxicSpansProject({ days: 14 });
  }, 60_000);

  it("holds a real mix: posts everyone left clean, one-sided posts and 3 to 7 raters", () => {
    expect(posts).toHaveLength(65);
    const marked = posts.map((p) => p.annotations.filter((a) => a.length > 0).length);
    expect(posts.some((p, i) => marked[i] === 0)).toBe(true);
    expect(posts.some((p, i) => marked[i] > 0 && marked[i] < p.annotations.length)).toBe(true);
    expect(new Set(posts.map((p) => p.annotations.length))).toEqual(new Set([3, 4, 5, 7]));
  });

  it("reports span F1, the character F1, the both-empty share and alpha as the reference computes them", async () => {
    const res = await callRoute(overviewRoute, { token: seeded.lead.token, params: seeded.params });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const all = (res.body as TAgreementOverview).definitions.find(
      (d) => d.key === "toxic" && d.version === null,
    )!;
    const also = (metric: string) => all.also.find((f) => f.metric === metric && f.option === undefined)!;
    expect(all.metric).toBe("span_f1_overlap");
    expect(all.itemsCompared).toBe(65);
    expect(all.value).toBeCloseTo(spanF1(posts, "overlap"), 12);
    expect(also("span_f1_exact").value).toBeCloseTo(spanF1(posts, "exact"), 12);
    expect(also("char_f1_item_macro").value).toBeCloseTo(charF1Macro(posts), 12);
    expect(also("both_empty_share").value).toBeCloseTo(bothEmpty(posts), 12);
    expect(also("alpha_any_span").value).toBeCloseTo(alphaMarked(posts), 12);
    for (const metric of ["char_f1_item_macro", "alpha_any_span"]) {
      const [lo, hi] = also(metric).ci!;
      expect(lo).toBeLessThanOrEqual(also(metric).value!);
      expect(hi).toBeGreaterThanOrEqual(also(metric).value!);
      expect(hi - lo).toBeGreaterThan(0);
    }
    expect(all.readingText).toContain(
      `Whether there is anything to mark: α ${alphaMarked(posts).toFixed(2)}`,
    );
    expect(all.readingText).toContain(`Where: span F1 ${spanF1(posts, "overlap").toFixed(2)}`);
    expect(all.readingText).toContain(
      `Where, character by character: F1 ${charF1Macro(posts).toFixed(2)} averaged over items, counting the ${Math.round(
        bothEmpty(posts) * 100,
      )}% of pairs that both marked nothing as agreeing.`,
    );
  });

  it("lists disagreements as one marked / one did not apart from both marked elsewhere, with the text", async () => {
    const res = await callRoute(detailRoute, {
      token: seeded.lead.token,
      params: { ...seeded.params, key: "toxic" },
      path: "/x",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const detail = res.body as TDefinitionAgreement;
    const byExternal = new Map(posts.map((p) => [p.id, p]));
    const groups = new Set<string>();
    for (const d of detail.disagreements) {
      const post = byExternal.get(d.externalId!)!;
      const marked = post.annotations.filter((a) => a.length > 0).length;
      expect(d.spans!.disagreement).toBe(
        marked < post.annotations.length ? "one_marked" : "different_places",
      );
      groups.add(d.spans!.disagreement);
      expect(d.agreement).toBeCloseTo(charF1Macro([post]), 12);
      expect(d.agreement).toBeLessThan(1);
      expect(d.spans!.text).toBe(post.text);
      expect(d.spans!.labels.map((l) => l.spans.length).sort()).toEqual(
        post.annotations.map((a) => a.length).sort(),
      );
    }
    expect(groups).toEqual(new Set(["one_marked", "different_places"]));
    // Within each group, the worst first.
    for (const group of groups) {
      const f1 = detail.disagreements.filter((d) => d.spans!.disagreement === group).map((d) => d.agreement);
      expect(f1).toEqual([...f1].sort((a, b) => a - b));
    }
  });

  it("gives drift the share of annotations that marked something and the character F1 per batch", async () => {
    const res = await callRoute(driftRoute, { token: seeded.lead.token, params: seeded.params });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const toxic = (res.body as TAgreementDrift).definitions.find((d) => d.key === "toxic")!;
    const halves = [posts.slice(0, 33), posts.slice(33)];
    expect(toxic.anySpan!.byBatch).toHaveLength(2);
    toxic.anySpan!.byBatch.forEach((w, b) => {
      const annotations = halves[b].flatMap((p) => p.annotations);
      expect(w.distribution).toEqual([
        annotations.filter((a) => a.length > 0).length,
        annotations.filter((a) => a.length === 0).length,
      ]);
      expect(w.agreement.value).toBeCloseTo(charF1Macro(halves[b]), 12);
    });
  });
});
