// Labels imported from each format give the agreement computed straight from the source files
// (fixtures built by lib/cli/build-fixtures/import-history.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { POST as createDefinition } from "@/app/api/v1/projects/[id]/label-definitions/route";
import { GET as overviewRoute } from "@/app/api/v1/projects/[id]/agreement/route";
import { POST as importRoute } from "@/app/api/v1/projects/[id]/items/route";
import { krippendorffAlpha } from "@/lib/agreement/krippendorff";
import {
  ABUSIVE_DEFINITION,
  IMPORT_HISTORY_FIXTURE,
  SEVERITY_DEFINITION,
  TOXIC_DEFINITION,
} from "@/lib/cli/build-fixtures/import-history";
import { TOXIC_SPANS_FIXTURE } from "@/lib/cli/build-fixtures/toxic-spans";
import { db, disconnectDb } from "@/lib/db";
import type { TAgreementOverview } from "@/lib/schemas/agreement";
import { callRoute } from "@/lib/testing/call-route";
import { createTestProject, createTestUser } from "@/lib/testing/factories";

afterAll(async () => {
  await disconnectDb();
});

const fixture = (name: string) => readFileSync(path.join(IMPORT_HISTORY_FIXTURE, name));
const readCsv = (file: string) =>
  parse(readFileSync(file, "utf8"), { columns: true }) as Record<string, string>[];

async function importInto(definition: object, file: string, query: string, overlap: number) {
  const lead = await createTestUser();
  const project = await createTestProject([{ userId: lead.id, role: "lead" }], { overlap });
  const params = { id: project.id };
  const created = await callRoute(createDefinition, { token: lead.token, params, json: definition });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const res = await callRoute(importRoute, {
    method: "POST",
    path: `/api/v1/projects/${project.id}/items${query}`,
    token: lead.token,
    params,
    body: fixture(file),
    headers: { "content-type": file.endsWith(".json") ? "application/json" : "application/x-ndjson" },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const overview = await callRoute(overviewRoute, { token: lead.token, params });
  expect(overview.status).toBe(200);
  const all = (overview.body as TAgreementOverview).definitions.find((d) => d.version === null)!;
  return { result: res.body, all, project };
}

/** ConvAbuse's first 120 test items straight from the CSV: per item, each annotator's severity. */
function convAbuseMatrix(): (number | null)[][] {
  const rows = readCsv(path.join(IMPORT_HISTORY_FIXTURE, "convabuse.source.csv"));
  expect(rows).toHaveLength(120);
  return rows.map((row) =>
    Array.from({ length: 8 }, (_, k) => {
      const s = ["1", "0", "-1", "-2", "-3"].find(
        (v) => row[`Annotator${k + 1}_is_abuse.${v}`]?.split(",")[0].trim() === "1",
      );
      return s === undefined ? null : Number(s);
    }),
  );
}

/** Toxic Spans straight from the CSV files: per post, each worker's marked characters (code points). */
function toxicPosts(): Set<number>[][] {
  const dir = TOXIC_SPANS_FIXTURE;
  const texts = new Map(
    readCsv(path.join(dir, "comments.csv")).map((c) => [c.comment_id, [...c.comment_text].length]),
  );
  const marked = new Map<string, Set<number>>();
  for (const s of readCsv(path.join(dir, "spans.csv"))) {
    const set = marked.get(s.annotation) ?? new Set<number>();
    for (let c = Number(s.start); c < Number(s.end); c++) set.add(c);
    marked.set(s.annotation, set);
  }
  const posts = new Map<string, Set<number>[]>();
  for (const a of readCsv(path.join(dir, "annotations.csv"))) {
    const length = texts.get(a.comment_id)!;
    const chars = new Set([...(marked.get(a.annotation) ?? [])].filter((c) => c < length));
    posts.set(a.comment_id, [...(posts.get(a.comment_id) ?? []), chars]);
  }
  return [...posts.values()];
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
function charF1Macro(posts: Set<number>[][]): number {
  return mean(
    posts.map((p) =>
      mean(
        p.flatMap((a, i) =>
          p.slice(i + 1).map((b) => {
            if (a.size === 0 && b.size === 0) return 1;
            if (a.size === 0 || b.size === 0) return 0;
            return (2 * [...a].filter((c) => b.has(c)).length) / (a.size + b.size);
          }),
        ),
      ),
    ),
  );
}

describe("labels imported from each format agree with the source files", () => {
  const severity = krippendorffAlpha(convAbuseMatrix(), "ordinal")!;
  const abusive = krippendorffAlpha(
    convAbuseMatrix().map((row) => row.map((v) => (v === null ? null : v < 0 ? "accept" : "reject"))),
    "nominal",
  )!;
  const annotationsInCsv = convAbuseMatrix()
    .flat()
    .filter((v) => v !== null).length;

  it.each([
    ["convabuse.concord.jsonl", ""],
    ["convabuse.label-studio.json", "?format=label-studio"],
  ])("ConvAbuse severity from %s: ordinal alpha as computed from the CSV", async (file, query) => {
    const { result, all, project } = await importInto(SEVERITY_DEFINITION, file, query, 3);
    expect(result).toMatchObject({ imported: 120, annotations: annotationsInCsv });
    expect(all.metric).toBe("alpha_ordinal");
    expect(all.value).toBeCloseTo(severity, 12);
    expect(await db.user.count({ where: { externalProjectId: project.id } })).toBe(8);
  });

  it("ConvAbuse binary answers from Prodigy: nominal alpha as computed from the CSV", async () => {
    const { result, all } = await importInto(
      ABUSIVE_DEFINITION,
      "convabuse.prodigy.jsonl",
      "?format=prodigy&definition=abusive",
      3,
    );
    expect(result).toMatchObject({ imported: 120, annotations: annotationsInCsv });
    expect(all.metric).toBe("alpha_nominal");
    expect(all.value).toBeCloseTo(abusive, 12);
  });

  it.each([
    ["toxic-spans.concord.jsonl", ""],
    ["toxic-spans.label-studio.json", "?format=label-studio"],
    ["toxic-spans.prodigy.jsonl", "?format=prodigy&definition=toxic"],
  ])("Toxic Spans from %s: character F1 as computed from the CSV files", async (file, query) => {
    const posts = toxicPosts();
    const { result, all } = await importInto(TOXIC_DEFINITION, file, query, 7);
    expect(result).toMatchObject({ imported: posts.length, annotations: posts.flat().length });
    expect(all.itemsCompared).toBe(posts.length);
    const charF1 = all.also.find((f) => f.metric === "char_f1_item_macro" && f.option === undefined)!;
    expect(charF1.value).toBeCloseTo(charF1Macro(posts), 12);
  });
});
