// npm run bench:import — 1,000,000 generated JSONL items (~200 bytes each) imported through the
// API's route handler (the same parsing, validation, COPY and dedupe as an HTTP upload), on a fresh
// embedded PostgreSQL. Prints JSON, with the same rows COPYed raw into a scratch copy of the items
// table as the baseline (copy-baseline.ts) and the import's time as a ratio of it.
// `-- --with-annotations`: 1,000,000 items carrying 3,000,000 labels through the import, and the same
// rows by raw COPY FROM STDIN into the same tables in the same run, as a ratio.
import { createHash } from "node:crypto";
import { parseArgs } from "node:util";
import { againstBaseline, judgeTargets, startBenchDatabase, trackPeakRss } from "./bench-setup";
import { copyText, timeCopyIn } from "./copy-baseline";
import { syntheticText } from "./synthetic-history";

const { values } = parseArgs({
  options: {
    items: { type: "string", default: "1000000" },
    "with-annotations": { type: "boolean", default: false },
    "labels-per-item": { type: "string", default: "3" },
  },
});
const count = Number(values.items);

async function main() {
  if (values["with-annotations"]) return benchWithAnnotations();
  return benchItems();
}

async function benchWithAnnotations() {
  const labelsPerItem = Number(values["labels-per-item"]);
  const annotators = 40;
  const database = await startBenchDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.CONCORD_MAX_UPLOAD_BYTES = String(4 * 1024 * 1024 * 1024);
  const { createTestProject, createTestUser } = await import("@/lib/testing/factories");
  const { createLabelDefinition } = await import("@/lib/server/label-definitions/create-label-definition");
  const { importSyntheticHistory, SYNTHETIC_DEFINITION } = await import("./synthetic-history");
  const { rawCopyHistory } = await import("./raw-copy-history");
  const { resolveAnnotators } = await import("@/lib/server/items/resolve-annotators");
  const { disconnectDb, getPool } = await import("@/lib/db");
  const lead = await createTestUser();
  const newProject = async () => {
    const project = await createTestProject([{ userId: lead.id, role: "lead" }], { overlap: labelsPerItem });
    await createLabelDefinition(
      project.id,
      { ...SYNTHETIC_DEFINITION, options: [...SYNTHETIC_DEFINITION.options] },
      lead.id,
    );
    return project;
  };

  // Raw COPY first: it then writes into the smaller tables, which favours it, not the import.
  const rawProject = await newProject();
  const client = await getPool().connect();
  const batchId = (
    await client.query<{ id: string }>(
      "INSERT INTO batches (project_id, name, format, item_count, duplicate_count) VALUES ($1, 'raw', 'jsonl', $2, 0) RETURNING id",
      [rawProject.id, count],
    )
  ).rows[0].id;
  const definitionId = (
    await client.query<{ id: string }>("SELECT id FROM label_definitions WHERE project_id = $1", [
      rawProject.id,
    ])
  ).rows[0].id;
  const names = Array.from({ length: annotators }, (_, k) => `worker-${k}`);
  const known = new Map<string, string>();
  await resolveAnnotators(client, rawProject.id, names, known);
  const rawStarted = performance.now();
  await rawCopyHistory(client, {
    projectId: rawProject.id,
    batchId,
    definitionId,
    items: count,
    labelsPerItem,
    annotators,
    userIds: names.map((n) => known.get(n)!),
  });
  const rawSeconds = (performance.now() - rawStarted) / 1000;
  client.release();

  const project = await newProject();
  let bytes = 0;
  const baselineRssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const stopRss = trackPeakRss();
  const started = performance.now();
  const result = await importSyntheticHistory({
    projectId: project.id,
    userId: lead.id,
    items: count,
    labelsPerItem,
    annotators,
    onBytes: (n) => (bytes += n),
  });
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = stopRss();
  const check = await getPool().query<{ items: string; annotations: string; done: string }>(
    `SELECT (SELECT count(*) FROM items WHERE project_id = $1) AS items,
            (SELECT count(*) FROM annotations WHERE project_id = $1) AS annotations,
            (SELECT count(*) FROM items WHERE project_id = $1 AND done_count = $2) AS done`,
    [project.id, labelsPerItem],
  );
  const versusRawCopy = againstBaseline(seconds, rawSeconds, "s");
  console.log(
    JSON.stringify(
      {
        benchmark: "import-with-annotations",
        items: result.imported,
        annotations: result.annotations,
        rowsInDatabase: check.rows[0],
        bytes,
        seconds: Number(seconds.toFixed(2)),
        itemsPerSecond: Math.round(result.imported / seconds),
        annotationsPerSecond: Math.round(result.annotations / seconds),
        peakRssMb,
        baselineRssMb,
        baseline: {
          work: "raw COPY FROM STDIN of the same rows into the same tables",
          itemsPerSecond: Math.round(count / rawSeconds),
          annotationsPerSecond: Math.round((count * labelsPerItem) / rawSeconds),
        },
        secondsVersusRawCopy: versusRawCopy,
        targets: { secondsVersusRawCopy: 2, peakRssMb: 500 },
        missed: judgeTargets({
          "seconds <= 2x raw COPY": seconds <= 2 * rawSeconds,
          "peak RSS < 500 MB": peakRssMb < 500,
        }),
      },
      null,
      2,
    ),
  );
  await disconnectDb();
  await database.stop();
}

async function benchItems() {
  const database = await startBenchDatabase();
  process.env.DATABASE_URL = database.url;
  const { createTestProject, createTestUser } = await import("@/lib/testing/factories");
  const { POST } = await import("@/app/api/v1/projects/[id]/items/route");
  const { disconnectDb } = await import("@/lib/db");
  const lead = await createTestUser();
  const project = await createTestProject([{ userId: lead.id, role: "lead" }]);

  const encoder = new TextEncoder();
  let bytes = 0;
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i >= count) return controller.close();
      let chunk = "";
      for (let n = 0; n < 2000 && i < count; n++, i++) chunk += JSON.stringify(benchItem(i)) + "\n";
      const encoded = encoder.encode(chunk);
      bytes += encoded.byteLength;
      controller.enqueue(encoded);
    },
  });

  const baselineRssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const stopRss = trackPeakRss();
  const started = performance.now();
  const response = await POST(
    new Request(`http://localhost/api/v1/projects/${project.id}/items?name=bench`, {
      method: "POST",
      headers: { authorization: `Bearer ${lead.token}`, "content-type": "application/x-ndjson" },
      body,
      // @ts-expect-error -- undici needs this for streamed request bodies
      duplex: "half",
    }),
    { params: Promise.resolve({ id: project.id }) },
  );
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = stopRss();
  const result = (await response.json()) as { imported: number };
  if (response.status !== 201) throw new Error(`import failed: ${JSON.stringify(result)}`);
  const copy = await timeCopyIn(
    database.url,
    "items",
    ["project_id", "batch_id", "target_count", "external_id", "content_hash", "data", "priority"],
    copyLines(project.id, count),
  );
  console.log(
    JSON.stringify(
      {
        benchmark: "import",
        items: result.imported,
        bytes,
        avgBytesPerItem: Math.round(bytes / count),
        seconds: Number(seconds.toFixed(2)),
        itemsPerSecond: Math.round(result.imported / seconds),
        baseline: { work: "raw COPY of the same rows into a scratch copy of items", rows: copy.rows },
        secondsVersusRawCopy: againstBaseline(seconds, copy.seconds, "s"),
        peakRssMb,
        // What the process held before the import began (tsx, the app's modules, the generator).
        baselineRssMb,
        targets: { itemsPerSecond: 50_000, peakRssMb: 400 },
        missed: judgeTargets({
          "items/s >= 50,000": result.imported / seconds >= 50_000,
          "peak RSS <= 400 MB": peakRssMb <= 400,
        }),
      },
      null,
      2,
    ),
  );
  await disconnectDb();
  await database.stop();
}

function benchItem(i: number) {
  return { externalId: `item-${i}`, data: { text: syntheticText(i), source: "bench" }, priority: i % 5 };
}

/** The same items as COPY text rows (a content hash computed alike, the batch a placeholder). */
async function* copyLines(projectId: string, total: number): AsyncIterable<string> {
  const batchId = "00000000-0000-4000-8000-000000000000";
  for (let from = 0; from < total; from += 2000) {
    let chunk = "";
    for (let n = from; n < Math.min(total, from + 2000); n++) {
      const item = benchItem(n);
      const data = JSON.stringify(item.data);
      const hash = createHash("sha256").update(data).digest("hex");
      chunk += `${projectId}\t${batchId}\t1\t${item.externalId}\t${hash}\t${copyText(data)}\t${item.priority}\n`;
    }
    yield chunk;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
