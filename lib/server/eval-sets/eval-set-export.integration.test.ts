import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { afterAll, describe, expect, it } from "vitest";
import { GET as findSetsRoute } from "@/app/api/v1/eval-sets/route";
import { POST as freezeRoute } from "@/app/api/v1/eval-sets/[id]/freeze/route";
import { GET as getSetRoute } from "@/app/api/v1/eval-sets/[id]/route";
import { GET as versionRoute } from "@/app/api/v1/eval-sets/[id]/versions/[version]/route";
import { GET as exportRoute } from "@/app/api/v1/eval-sets/[id]/versions/[version]/export/route";
import { POST as previewRoute } from "@/app/api/v1/projects/[id]/eval-sets/preview/route";
import { GET as listSetsRoute, POST as createSetRoute } from "@/app/api/v1/projects/[id]/eval-sets/route";
import { disconnectDb } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { annotate, createCurationProject } from "@/lib/testing/eval-set-fixtures";

const work = mkdtempSync(join(tmpdir(), "concord-export-test-"));
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await disconnectDb();
});

const TOPICS = {
  key: "topics",
  kind: "multi_choice",
  options: [{ key: "a" }, { key: "b" }],
  required: false,
};

/** 3 items with a sentiment and optional topics each, frozen as v1 of a set named like the project. */
async function frozenSet() {
  const s = await createCurationProject({
    items: 3,
    definitions: [
      { key: "sentiment", kind: "single_choice", options: [{ key: "pos" }, { key: "neg" }] },
      TOPICS,
    ],
  });
  for (const [i, itemId] of s.itemIds.entries()) {
    for (const a of s.annotators) {
      await annotate(s.project.id, itemId, a.id, {
        sentiment: i % 2 ? "neg" : "pos",
        topics: i === 0 ? ["b", "a"] : null,
      });
    }
  }
  const name = `set ${s.project.name}`;
  const created = await callRoute(createSetRoute, {
    token: s.lead.token,
    params: s.params,
    json: { name, filter: {} },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const version = await callRoute(freezeRoute, {
    method: "POST",
    token: s.lead.token,
    params: { id: created.body.id },
  });
  expect(version.status, JSON.stringify(version.body)).toBe(201);
  return { ...s, setId: created.body.id as string, name, v1: version.body };
}

async function download(token: string, id: string, query = "") {
  const response = await exportRoute(
    new Request(`http://localhost/x${query}`, { headers: { authorization: `Bearer ${token}` } }),
    { params: Promise.resolve({ id, version: "1" }) },
  );
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

describe("exporting a frozen version", () => {
  it("writes CSV, Parquet (with the manifest) and a Hugging Face archive holding the same JSONL", async () => {
    const s = await frozenSet();
    const csv = await download(s.engineer.token, s.setId, "?format=csv");
    expect(csv.status).toBe(200);
    const csvLines = csv.bytes.toString("utf8").split("\n");
    expect(csvLines[0]).toBe("item_id,external_id,data.n,data.text,label.sentiment,label.topics");
    expect(csvLines[1]).toBe(`${s.itemIds[0]},item-0,0,Item number 0,pos,"[""a"",""b""]"`);
    expect(csv.headers.get("content-disposition")).toContain("-v1.csv");

    const parquet = await download(s.engineer.token, s.setId, "?format=parquet");
    const file = parquet.bytes.buffer.slice(
      parquet.bytes.byteOffset,
      parquet.bytes.byteOffset + parquet.bytes.length,
    );
    const records = await parquetReadObjects({ file });
    expect(records.map((r) => r["label.sentiment"])).toEqual(["pos", "neg", "pos"]);
    // The items' data read back as typed columns (the two passes run on the database cursor).
    expect(records.map((r) => r.data)).toEqual(
      [0, 1, 2].map((i) => ({ n: BigInt(i), text: `Item number ${i}` })),
    );
    const kv = parquetMetadata(file).key_value_metadata ?? [];
    expect(JSON.parse(kv.find((e) => e.key === "concord.manifest")!.value!)).toMatchObject({
      sha256: s.v1.sha256,
    });

    const hf = await download(s.engineer.token, s.setId, "?format=hf");
    const archive = join(work, `${s.setId}.tar.gz`);
    writeFileSync(archive, hf.bytes);
    const out = mkdtempSync(join(work, "hf-"));
    execFileSync("tar", ["-xzf", archive, "-C", out]);
    const root = join(out, execFileSync("ls", [out]).toString().trim());
    const jsonl = readFileSync(join(root, "data", "test.jsonl"));
    expect(createHash("sha256").update(jsonl).digest("hex")).toBe(s.v1.sha256);
    expect(readFileSync(join(root, "README.md"), "utf8")).toContain("## Manifest");
    expect(JSON.parse(readFileSync(join(root, "manifest.json"), "utf8")).counts.items).toBe(3);
    expect((await download(s.engineer.token, s.setId, "?format=hf")).bytes.equals(hf.bytes)).toBe(true);

    expect((await download(s.lead.token, s.setId, "?format=jsonl&manifest=true")).status).toBe(400);
    expect((await download(s.lead.token, s.setId, "?format=xml")).status).toBe(400);
  });

  it("includes annotations on request, with pseudonymous annotators unless a lead asks for real ids", async () => {
    const s = await frozenSet();
    const withAnnotations = await download(s.engineer.token, s.setId, "?annotations=true");
    const first = JSON.parse(withAnnotations.bytes.toString("utf8").split("\n")[0]);
    expect(first.annotations).toHaveLength(3);
    expect(first.annotations[0]).toMatchObject({
      annotator: expect.stringMatching(/^annotator-[0-9a-f]{8}$/),
      values: { sentiment: "pos", topics: ["a", "b"] },
      definition_versions: { sentiment: 1, topics: 1 },
    });
    expect(withAnnotations.bytes.toString("utf8")).not.toContain(s.annotators[0].id);
    expect(withAnnotations.headers.get("content-length")).toBeNull();
    expect((await download(s.engineer.token, s.setId, "?annotations=true&annotators=raw")).status).toBe(403);
    const raw = await download(s.lead.token, s.setId, "?annotations=true&annotators=raw");
    expect(raw.bytes.toString("utf8")).toContain(s.annotators[0].id);

    // Parquet with annotations: the first pass (types of the data) reads without them.
    const parquet = await download(s.engineer.token, s.setId, "?format=parquet&annotations=true");
    const file = parquet.bytes.buffer.slice(
      parquet.bytes.byteOffset,
      parquet.bytes.byteOffset + parquet.bytes.length,
    );
    const records = await parquetReadObjects({ file });
    expect(records.map((r) => r.data)).toEqual(
      [0, 1, 2].map((i) => ({ n: BigInt(i), text: `Item number ${i}` })),
    );
    expect(JSON.parse(records[0].annotations as string)).toEqual(first.annotations);
  });

  it("serves the version and its manifest, and finds sets by name for the CLI", async () => {
    const s = await frozenSet();
    const version = await callRoute(versionRoute, {
      token: s.engineer.token,
      params: { id: s.setId, version: "1" },
    });
    expect(version.status).toBe(200);
    expect(version.body).toMatchObject({ version: 1, itemCount: 3, sha256: s.v1.sha256 });
    expect(version.body.manifest).toMatchObject({
      name: s.name,
      version: 1,
      labelDistribution: { sentiment: { pos: 2, neg: 1 }, topics: { a: 1, b: 1, "(none)": 2 } },
      agreement: { sentiment: { metric: "percent_agreement", value: 1, itemsCompared: 3 } },
      frozenBy: { id: s.lead.id },
    });
    expect(
      (await callRoute(versionRoute, { token: s.lead.token, params: { id: s.setId, version: "2" } })).status,
    ).toBe(404);
    const found = await callRoute(findSetsRoute, {
      token: s.engineer.token,
      path: `/x?name=${encodeURIComponent(s.name)}`,
    });
    expect(found.body.evalSets.map((e: { id: string }) => e.id)).toEqual([s.setId]);
    const hidden = await callRoute(findSetsRoute, {
      token: s.outsider.token,
      path: `/x?name=${encodeURIComponent(s.name)}`,
    });
    expect(hidden.body.evalSets).toEqual([]);
    const forAnnotator = await callRoute(findSetsRoute, { token: s.annotators[0].token, path: "/x" });
    expect(forAnnotator.body.evalSets).toEqual([]);
    expect((await callRoute(findSetsRoute, { token: s.lead.token, path: "/x?colour=red" })).status).toBe(400);
  });

  it("follows the roles: annotators see no eval sets, engineers read and export but cannot curate, outsiders get 404", async () => {
    const s = await frozenSet();
    const annotator = s.annotators[0].token;
    expect((await download(annotator, s.setId)).status).toBe(403);
    expect((await callRoute(getSetRoute, { token: annotator, params: { id: s.setId } })).status).toBe(403);
    expect((await callRoute(listSetsRoute, { token: annotator, params: s.params })).status).toBe(403);

    expect((await download(s.engineer.token, s.setId)).status).toBe(200);
    expect(
      (await callRoute(listSetsRoute, { token: s.engineer.token, params: s.params })).body.evalSets,
    ).toHaveLength(1);
    expect(
      (await callRoute(freezeRoute, { method: "POST", token: s.engineer.token, params: { id: s.setId } }))
        .status,
    ).toBe(403);
    const create = await callRoute(createSetRoute, {
      token: s.engineer.token,
      params: s.params,
      json: { name: "x", filter: {} },
    });
    expect(create.status).toBe(403);
    expect(
      (await callRoute(previewRoute, { token: s.engineer.token, params: s.params, json: { filter: {} } }))
        .status,
    ).toBe(403);

    expect((await download(s.outsider.token, s.setId)).status).toBe(404);
    expect((await callRoute(getSetRoute, { token: s.outsider.token, params: { id: s.setId } })).status).toBe(
      404,
    );
    expect(
      (await callRoute(freezeRoute, { method: "POST", token: s.outsider.token, params: { id: s.setId } }))
        .status,
    ).toBe(404);
    expect((await download(s.lead.token, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});
