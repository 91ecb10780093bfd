// Label Studio -> Concord -> Label Studio keeps every annotation, value and annotator; Prodigy too.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/eval-sets/[id]/versions/[version]/export/route";
import { POST as freezeRoute } from "@/app/api/v1/eval-sets/[id]/freeze/route";
import { POST as createDefinition } from "@/app/api/v1/projects/[id]/label-definitions/route";
import { POST as createSetRoute } from "@/app/api/v1/projects/[id]/eval-sets/route";
import { POST as importRoute } from "@/app/api/v1/projects/[id]/items/route";
import {
  ABUSIVE_DEFINITION,
  IMPORT_HISTORY_FIXTURE,
  SEVERITY_DEFINITION,
} from "@/lib/cli/build-fixtures/import-history";
import { disconnectDb } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { createTestProject, createTestUser } from "@/lib/testing/factories";

afterAll(async () => {
  await disconnectDb();
});

type TTask = {
  id: number;
  data: unknown;
  annotations: { completed_by: string; result: { value: unknown }[] }[];
};

async function frozenImport(definition: object, file: string, query: string) {
  const lead = await createTestUser();
  const engineer = await createTestUser();
  const project = await createTestProject([
    { userId: lead.id, role: "lead" },
    { userId: engineer.id, role: "engineer" },
  ]);
  const params = { id: project.id };
  expect((await callRoute(createDefinition, { token: lead.token, params, json: definition })).status).toBe(
    201,
  );
  const imported = await callRoute(importRoute, {
    method: "POST",
    path: `/x${query}`,
    token: lead.token,
    params,
    body: readFileSync(path.join(IMPORT_HISTORY_FIXTURE, file)),
    headers: { "content-type": file.endsWith(".json") ? "application/json" : "application/x-ndjson" },
  });
  expect(imported.status, JSON.stringify(imported.body)).toBe(201);
  const set = await callRoute(createSetRoute, {
    token: lead.token,
    params,
    json: { name: `round trip ${project.name}` },
  });
  expect(set.status, JSON.stringify(set.body)).toBe(201);
  const frozen = await callRoute(freezeRoute, {
    method: "POST",
    token: lead.token,
    params: { id: set.body.id },
  });
  expect(frozen.status, JSON.stringify(frozen.body)).toBe(201);
  const download = (token: string, q: string) =>
    callRoute(exportRoute, { token, params: { id: set.body.id, version: "1" }, path: `/x?${q}` });
  return { lead, engineer, download };
}

/** Each task as {id, data, annotations as a sorted list of "annotator=value"}. */
const canonical = (tasks: TTask[]) =>
  new Map(
    tasks.map((t) => [
      t.id,
      {
        data: t.data,
        annotations: t.annotations
          .map((a) => `${a.completed_by}=${JSON.stringify(a.result.map((r) => r.value))}`)
          .sort(),
      },
    ]),
  );

describe("exports in the tools' own formats", () => {
  it("Label Studio -> Concord -> Label Studio keeps every annotation, value and annotator", async () => {
    const original = JSON.parse(
      readFileSync(path.join(IMPORT_HISTORY_FIXTURE, "convabuse.label-studio.json"), "utf8"),
    ) as TTask[];
    const { lead, engineer, download } = await frozenImport(
      SEVERITY_DEFINITION,
      "convabuse.label-studio.json",
      "?format=label-studio",
    );
    const raw = await download(lead.token, "format=label-studio&annotators=raw");
    expect(raw.status).toBe(200);
    expect(raw.headers.get("content-type")).toContain("application/json");
    const exported = raw.body as TTask[];
    expect(exported.length).toBeGreaterThan(60);
    const before = canonical(original);
    for (const [id, task] of canonical(exported)) expect(task).toEqual(before.get(id));

    const pseudonymous = await download(engineer.token, "format=label-studio");
    expect(pseudonymous.status).toBe(200);
    const annotators = new Set(
      (pseudonymous.body as TTask[]).flatMap((t) => t.annotations.map((a) => a.completed_by)),
    );
    expect([...annotators].every((a) => /^annotator-[0-9a-f]{8,}$/.test(a))).toBe(true);
    expect((await download(engineer.token, "format=label-studio&annotators=raw")).status).toBe(403);
  });

  it("Prodigy -> Concord -> Prodigy keeps every answer and annotator", async () => {
    const lines = (text: string) =>
      text
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    const key = (l: Record<string, unknown>) => `${l._input_hash}:${l._annotator_id}:${l.answer}`;
    const original = new Set(
      lines(readFileSync(path.join(IMPORT_HISTORY_FIXTURE, "convabuse.prodigy.jsonl"), "utf8")).map(key),
    );
    const { lead, download } = await frozenImport(
      ABUSIVE_DEFINITION,
      "convabuse.prodigy.jsonl",
      "?format=prodigy&definition=abusive",
    );
    const res = await download(lead.token, "format=prodigy&annotators=raw");
    expect(res.status).toBe(200);
    const exported = lines(res.body as string).map(key);
    expect(exported.length).toBeGreaterThan(100);
    for (const k of exported) expect(original.has(k), k).toBe(true);
  });
});
