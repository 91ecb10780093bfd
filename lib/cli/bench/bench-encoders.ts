/**
 * Throughput of the export encoders without the database:
 *   npx tsx lib/cli/bench/bench-encoders.ts [rows=1000000] [jsonl|csv|parquet|hf ...]
 * Encodes generated rows (test-rows.ts: ~200 bytes of data JSON, four labels) and prints, per
 * format, {rows, seconds, rowsPerSecond, cpuSeconds, outputMb, peakRssMb}. Generating the rows is
 * part of `seconds`; it is also timed alone (`generate`) to give the encoders' own rate. Other load
 * on the machine skews wall-clock figures: compare `cpuSeconds` too.
 */
import { jsonlStream } from "@/lib/export/canonical-jsonl";
import { csvStream } from "@/lib/export/csv";
import { hfDatasetTarGz } from "@/lib/export/hf-dataset";
import { parquetStream } from "@/lib/export/parquet";
import { TEST_COLUMNS, TEST_MANIFEST, testRows } from "@/lib/testing/test-rows";

const args = process.argv.slice(2);
const rows = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 1_000_000);
const picked = args.filter((arg) => !/^\d+$/.test(arg));
const formats = picked.length > 0 ? picked : ["generate", "jsonl", "csv", "parquet", "hf"];

const encoders: Record<string, () => AsyncIterable<Uint8Array>> = {
  jsonl: () => jsonlStream(testRows(rows)),
  csv: () => csvStream(testRows(rows), { columns: TEST_COLUMNS }),
  parquet: () => parquetStream(() => testRows(rows), { columns: TEST_COLUMNS, manifest: TEST_MANIFEST }),
  hf: () => hfDatasetTarGz(testRows(rows), { manifest: TEST_MANIFEST, columns: TEST_COLUMNS }),
};

async function measure(name: string): Promise<void> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  let bytes = 0;
  let peakRss = process.memoryUsage().rss;
  let chunks = 0;
  if (name === "generate") {
    for await (const row of testRows(rows)) bytes += row.itemId.length;
  } else {
    for await (const chunk of encoders[name]()) {
      bytes += chunk.byteLength;
      if (++chunks % 64 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  console.log(
    JSON.stringify({
      format: name,
      rows,
      seconds: Number(seconds.toFixed(2)),
      rowsPerSecond: Math.round(rows / seconds),
      cpuSeconds: Number(((used.user + used.system) / 1e6).toFixed(2)),
      outputMb: Number((bytes / 1e6).toFixed(1)),
      peakRssMb: Math.round(Math.max(peakRss, process.memoryUsage().rss) / 1e6),
    }),
  );
}

for (const name of formats) {
  if (name !== "generate" && !(name in encoders)) throw new Error(`unknown format ${name}`);
  await measure(name);
}
