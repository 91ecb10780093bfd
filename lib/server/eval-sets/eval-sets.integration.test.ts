import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { POST as freezeRoute } from "@/app/api/v1/eval-sets/[id]/freeze/route";
import { GET as diffRoute } from "@/app/api/v1/eval-sets/[id]/diff/route";
import { GET as getSetRoute, PATCH as patchSetRoute } from "@/app/api/v1/eval-sets/[id]/route";
import { GET as exportRoute } from "@/app/api/v1/eval-sets/[id]/versions/[version]/export/route";
import { POST as adjudicateRoute } from "@/app/api/v1/projects/[id]/final-labels/items/[itemId]/adjudications/route";
import { POST as previewRoute } from "@/app/api/v1/projects/[id]/eval-sets/preview/route";
import { POST as createSetRoute } from "@/app/api/v1/projects/[id]/eval-sets/route";
import { disconnectDb, getPool } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { annotate, createCurationProject, reviseAnnotation } from "@/lib/testing/eval-set-fixtures";

afterAll(async () => {
  await disconnectDb();
});

type TSetup = Awaited<ReturnType<typeof createCurationProject>>;

/** 6 items: 0-3 resolved by majority (pos, neg, pos, neu), 4 split three ways, 5 unlabeled. */
async function labeled(): Promise<TSetup> {
  const s = await createCurationProject({ items: 6 });
  const votes = [
    ["pos", "pos", "neg"],
    ["neg", "neg", "neg"],
    ["pos", "pos", "pos"],
    ["neu", "neu", "pos"],
    ["pos", "neg", "neu"],
  ];
  for (const [item, values] of votes.entries()) {
    for (const [i, value] of values.entries()) {
      await annotate(s.project.id, s.itemIds[item], s.annotators[i].id, { sentiment: value });
    }
  }
  return s;
}

async function createSet(
  s: TSetup,
  filter: unknown = {},
  name = `set-${Math.random().toString(36).slice(2)}`,
) {
  const res = await callRoute(createSetRoute, {
    token: s.lead.token,
    params: s.params,
    json: { name, filter },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; name: string };
}

const freeze = (token: string, id: string) =>
  callRoute(freezeRoute, { method: "POST", token, params: { id } });

async function download(token: string, id: string, version: number, query = "") {
  const response = await exportRoute(
    new Request(`http://localhost/api/v1/eval-sets/${id}/versions/${version}/export${query}`, {
      headers: { authorization: `Bearer ${token}` },
    }),
    { params: Promise.resolve({ id, version: String(version) }) },
  );
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const lines = (bytes: Buffer) =>
  bytes
    .toString("utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));

describe("eval sets", () => {
  it("preview, then freeze v1: the snapshot's JSONL hashes to the recorded sha256, byte for byte each time", async () => {
    const s = await labeled();
    const preview = await callRoute(previewRoute, {
      token: s.lead.token,
      params: s.params,
      json: { filter: {} },
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({
      candidates: 4,
      items: 4,
      labelDistribution: { sentiment: { pos: 2, neg: 1, neu: 1 } },
    });
    expect(preview.body.agreement.sentiment.itemsCompared).toBe(4);
    // The examples show each item's own text and final label (data read for the examples alone).
    const texts = await getPool().query<{ id: string; text: string }>(
      "SELECT id::text AS id, data->>'text' AS text FROM items WHERE id = ANY($1::bigint[])",
      [s.itemIds],
    );
    const examples = preview.body.examples as {
      itemId: string;
      preview: string;
      labels: { sentiment: string };
    }[];
    expect(examples).toHaveLength(4);
    for (const example of examples) {
      expect(example.preview).toContain(texts.rows.find((r) => r.id === example.itemId)!.text);
    }
    expect(examples.map((e) => e.labels.sentiment).sort()).toEqual(["neg", "neu", "pos", "pos"]);

    const set = await createSet(s);
    const frozen = await freeze(s.lead.token, set.id);
    expect(frozen.status, JSON.stringify(frozen.body)).toBe(201);
    expect(frozen.body).toMatchObject({ version: 1, itemCount: 4 });
    const first = await download(s.engineer.token, set.id, 1);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/x-ndjson");
    expect(Number(first.headers.get("content-length"))).toBe(first.bytes.length);
    expect(sha256(first.bytes)).toBe(frozen.body.sha256);
    const rows = lines(first.bytes);
    expect(rows.map((r) => r.external_id)).toEqual(["item-0", "item-1", "item-2", "item-3"]);
    expect(rows[0]).toEqual({
      data: { n: 0, text: "Item number 0" },
      external_id: "item-0",
      item_id: s.itemIds[0],
      labels: { sentiment: "pos" },
    });
    const again = await download(s.lead.token, set.id, 1);
    expect(again.bytes.equals(first.bytes)).toBe(true);

    const detail = await callRoute(getSetRoute, { token: s.engineer.token, params: { id: set.id } });
    expect(detail.body.versions).toHaveLength(1);
    expect(detail.body.latestVersion).toMatchObject({ version: 1, sha256: frozen.body.sha256 });
  });

  it("never changes a frozen version: later annotations and adjudications go into the next version only", async () => {
    const s = await labeled();
    const set = await createSet(s);
    const v1 = (await freeze(s.lead.token, set.id)).body;
    const before = await download(s.lead.token, set.id, 1, "?annotations=true");

    // Item 4 gets decided, item 0 flips to neg, item 3 loses its majority, item 5 gets labels.
    const decide = await callRoute(adjudicateRoute, {
      token: s.lead.token,
      params: { id: s.project.id, itemId: s.itemIds[4] },
      json: { definition: "sentiment", value: "neu", note: "mixed" },
    });
    expect(decide.status).toBe(201);
    await reviseAnnotation(s.itemIds[0], s.annotators[0].id, "sentiment", "neg");
    await reviseAnnotation(s.itemIds[3], s.annotators[0].id, "sentiment", "neg");
    for (const a of s.annotators) await annotate(s.project.id, s.itemIds[5], a.id, { sentiment: "pos" });

    const after = await download(s.lead.token, set.id, 1, "?annotations=true");
    expect(after.bytes.equals(before.bytes)).toBe(true);
    expect(sha256((await download(s.lead.token, set.id, 1)).bytes)).toBe(v1.sha256);

    const v2 = await freeze(s.lead.token, set.id);
    expect(v2.body).toMatchObject({ version: 2, itemCount: 5 });
    expect(v2.body.sha256).not.toBe(v1.sha256);
    expect(sha256((await download(s.lead.token, set.id, 2)).bytes)).toBe(v2.body.sha256);

    const diff = await callRoute(diffRoute, {
      token: s.engineer.token,
      params: { id: set.id },
      path: "/x?from=1&to=2",
    });
    expect(diff.status, JSON.stringify(diff.body)).toBe(200);
    expect(diff.body.added.items.map((r: { itemId: string }) => r.itemId)).toEqual([
      s.itemIds[4],
      s.itemIds[5],
    ]);
    expect(diff.body.removed.items.map((r: { itemId: string }) => r.itemId)).toEqual([s.itemIds[3]]);
    expect(diff.body.changed.items).toEqual([
      {
        itemId: s.itemIds[0],
        externalId: "item-0",
        changes: [{ key: "sentiment", before: "pos", after: "neg" }],
      },
    ]);
    expect(diff.body).toMatchObject({
      unchanged: 2,
      changed: { count: 1 },
      added: { count: 2 },
      removed: { count: 1 },
    });
    expect(diff.body.added.items[0].labels).toEqual({ sentiment: "neu" });
    const missing = await callRoute(diffRoute, {
      token: s.lead.token,
      params: { id: set.id },
      path: "/x?from=1&to=9",
    });
    expect(missing.status).toBe(404);
  });

  it("is enforced by the database: raw SQL cannot change or delete frozen rows", async () => {
    const s = await labeled();
    const set = await createSet(s);
    const v1 = (await freeze(s.lead.token, set.id)).body;
    const pool = getPool();
    const refused = /immutable|cannot be deleted|cannot be truncated/;
    await expect(
      pool.query(`UPDATE eval_set_items SET labels_json = '{"sentiment":"neg"}' WHERE version_id = $1`, [
        v1.id,
      ]),
    ).rejects.toThrow(refused);
    await expect(pool.query("DELETE FROM eval_set_items WHERE version_id = $1", [v1.id])).rejects.toThrow(
      refused,
    );
    await expect(
      pool.query(`UPDATE eval_set_versions SET sha256 = repeat('0', 64) WHERE id = $1`, [v1.id]),
    ).rejects.toThrow(refused);
    await expect(
      pool.query(`UPDATE eval_set_versions SET sealed_at = NULL WHERE id = $1`, [v1.id]),
    ).rejects.toThrow(refused);
    await expect(pool.query("DELETE FROM eval_set_versions WHERE id = $1", [v1.id])).rejects.toThrow(refused);
    await expect(pool.query("DELETE FROM eval_sets WHERE id = $1", [set.id])).rejects.toThrow(refused);
    await expect(pool.query("TRUNCATE eval_set_items")).rejects.toThrow(refused);
    await expect(
      pool.query(
        `INSERT INTO eval_set_items (version_id, item_id, data_json, labels_json) VALUES ($1, 999999999, '{}', '{}')`,
        [v1.id],
      ),
    ).rejects.toThrow(refused);
    // A version left unsealed cannot be committed either.
    await expect(
      pool.query(`INSERT INTO eval_set_versions (eval_set_id, version, filter) VALUES ($1, 50, '{}')`, [
        set.id,
      ]),
    ).rejects.toThrow(/not sealed/);
    expect(sha256((await download(s.lead.token, set.id, 1)).bytes)).toBe(v1.sha256);
    // The whole project may still go, and its sets with it.
    await pool.query("DELETE FROM projects WHERE id = $1", [s.project.id]);
    const { rows } = await pool.query("SELECT 1 FROM eval_set_items WHERE version_id = $1", [v1.id]);
    expect(rows).toHaveLength(0);
  });

  it("narrows by filter, samples deterministically, and rejects what it does not know", async () => {
    const s = await labeled();
    const bad = await callRoute(createSetRoute, {
      token: s.lead.token,
      params: s.params,
      json: { name: "bad", filter: { colour: "red" } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("filter.colour");
    const unknown = await callRoute(previewRoute, {
      token: s.lead.token,
      params: s.params,
      json: { filter: { labels: { sentiment: ["maybe"] }, definitionVersions: { nope: [1] } } },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "filter.definitionVersions.nope",
      "filter.labels.sentiment.0",
    ]);
    const preview = (filter: unknown) =>
      callRoute(previewRoute, { token: s.lead.token, params: s.params, json: { filter } });
    expect((await preview({ labels: { sentiment: ["pos"] } })).body.items).toBe(2);
    expect((await preview({ minItemAgreement: 1 })).body.items).toBe(2);
    expect((await preview({ resolution: "any" })).body.items).toBe(6);
    expect((await preview({ definitionVersions: { sentiment: [1] } })).body.items).toBe(4);

    const sampled = { sample: { size: 2, seed: 11 } };
    const a = await createSet(s, sampled);
    const b = await createSet(s, sampled);
    const va = (await freeze(s.lead.token, a.id)).body;
    const vb = (await freeze(s.lead.token, b.id)).body;
    expect(va.itemCount).toBe(2);
    expect(va.sha256).toBe(vb.sha256);
    const manifest = (await getPool().query("SELECT manifest FROM eval_set_versions WHERE id = $1", [va.id]))
      .rows[0].manifest;
    expect(manifest).toMatchObject({
      counts: { items: 2, candidates: 4 },
      filter: sampled,
      sha256: va.sha256,
    });
    expect(manifest.definitions[0]).toMatchObject({ key: "sentiment", currentVersion: 1 });
    expect(manifest.definitions[0].versions[0].guidelinesHash).toMatch(/^[0-9a-f]{64}$/);

    const renamed = await callRoute(patchSetRoute, {
      method: "PATCH",
      token: s.lead.token,
      params: { id: a.id },
      json: { filter: { labels: { sentiment: ["neg"] } } },
    });
    expect(renamed.status).toBe(200);
    expect((await freeze(s.lead.token, a.id)).body).toMatchObject({ version: 2, itemCount: 1 });
    const empty = await createSet(s, { labels: { sentiment: ["neu"] }, minItemAgreement: 1 });
    expect((await freeze(s.lead.token, empty.id)).status).toBe(422);
  });
});
