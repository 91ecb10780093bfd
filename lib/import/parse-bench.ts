/**
 * Throughput of the import path without the database:
 *   npx tsx lib/import/parse-bench.ts [records=1000000] [--no-ids] [--runs=1] [--sample]
 * Streams generated JSONL (~200 bytes a record, 64 KiB chunks, as an HTTP body would arrive)
 * through collectImport with a no-op onBatch and prints
 * {records, seconds, recordsPerSecond, peakRssMb, ...}. Generating the input is part of `seconds`;
 * it is also timed alone first (`generateSeconds`) to give the import path's own rate.
 * The machine's other load skews wall-clock figures: compare `cpuSeconds` too.
 */
import { collectImport } from "./collect-import";

const args = process.argv.slice(2);
const records = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 1_000_000);
const withIds = !args.includes("--no-ids");
const runCount = Number(args.find((arg) => arg.startsWith("--runs="))?.slice("--runs=".length) ?? 1);

const WORDS = [
  "annotation",
  "label",
  "quality",
  "review",
  "sample",
  "model",
  "token",
  "agreement",
  "dataset",
];
const DIGITS = 8; // numbers are 10000000 + i: fixed width, so they can be patched into a template
const TEMPLATES = 45;

/**
 * A record like `{"externalId":"item-10000007","data":{"text":…,"source":…,"lang":…,"meta":{…}},"priority":7}`.
 * Records are stamped out of 45 pre-encoded templates (3 words × language) by writing the record
 * number into fixed-width slots, so that producing the input costs next to nothing and the
 * figures measure the import path, not the generator.
 */
function recordTemplate(variant: number): { bytes: Buffer; slots: number[]; prioritySlot: number } {
  const words = `${WORDS[variant % 9]} ${WORDS[(variant * 7) % 9]} ${WORDS[(variant * 13) % 9]}`;
  const lang = variant % 5 === 0 ? "de" : "en";
  const n = "#".repeat(DIGITS);
  const text = `Item ${n}: the ${words} text, long enough to look like a sentence.`;
  const data = `{"text":"${text}","source":"bench","lang":"${lang}","meta":{"n":${n},"tags":["a","b"]}}`;
  const id = withIds ? `"externalId":"item-${n}",` : "";
  const line = `{${id}"data":${data},"priority":%}\n`;
  const slots: number[] = [];
  for (let at = line.indexOf(n); at !== -1; at = line.indexOf(n, at + DIGITS)) slots.push(at);
  return { bytes: Buffer.from(line, "latin1"), slots, prioritySlot: line.indexOf("%") };
}

/** Writes the ASCII digits of `value` (exactly DIGITS of them) at each of `slots`. */
function writeNumber(target: Buffer, slots: number[], offset: number, value: number): void {
  for (let i = DIGITS - 1, rest = value; i >= 0; i--, rest = (rest / 10) | 0) {
    const digit = 48 + (rest % 10);
    for (const slot of slots) target[offset + slot + i] = digit;
  }
}

async function* generate(count: number): AsyncGenerator<Uint8Array> {
  const templates = Array.from({ length: TEMPLATES }, (_, variant) => recordTemplate(variant));
  // 270 records (a multiple of the 45 templates and of the 10 priorities) make a ~60 KB chunk
  // whose layout never changes: copy it and patch the numbers in.
  const perChunk = 270;
  const layout = Buffer.concat(Array.from({ length: perChunk }, (_, i) => templates[i % TEMPLATES].bytes));
  for (let first = 0; first < count; first += perChunk) {
    const last = Math.min(count, first + perChunk);
    const chunk = Buffer.from(layout);
    let offset = 0;
    for (let i = first; i < last; i++) {
      const template = templates[i % TEMPLATES];
      writeNumber(chunk, template.slots, offset, 10 ** (DIGITS - 1) + i);
      chunk[offset + template.prioritySlot] = 48 + (i % 10);
      offset += template.bytes.length;
    }
    yield last - first === perChunk ? chunk : chunk.subarray(0, offset);
  }
}

async function secondsToGenerate(): Promise<number> {
  const started = performance.now();
  for await (const chunk of generate(records)) void chunk;
  return (performance.now() - started) / 1000;
}

type TRun = {
  seconds: number;
  cpuSeconds: number;
  generateSeconds: number;
  total: number;
  valid: number;
  batches: number;
};

async function runOnce(): Promise<TRun> {
  const generateSeconds = await secondsToGenerate();
  let batches = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const summary = await collectImport(generate(records), "jsonl", undefined, {
    onBatch: () => {
      batches++;
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  if (summary.errorCount > 0)
    throw new Error(`unexpected errors: ${JSON.stringify(summary.errors.slice(0, 3))}`);
  return {
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    generateSeconds,
    total: summary.total,
    valid: summary.valid,
    batches,
  };
}

async function main(): Promise<void> {
  if (args.includes("--sample")) {
    for await (const chunk of generate(3)) process.stdout.write(chunk);
    return;
  }
  const runs: TRun[] = [];
  for (let i = 0; i < runCount; i++) runs.push(await runOnce());
  // Other processes on the machine slow some runs down: report the fastest, list all.
  const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const round = (n: number) => Number(n.toFixed(3));
  const result = {
    records: best.total,
    seconds: round(best.seconds),
    recordsPerSecond: Math.round(best.total / best.seconds),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    cpuSeconds: round(best.cpuSeconds),
    generateSeconds: round(best.generateSeconds),
    recordsPerSecondWithoutGenerator: Math.round(best.total / (best.seconds - best.generateSeconds)),
    allRunsSeconds: runs.map((run) => round(run.seconds)),
    bytesPerRecord: recordTemplate(0).bytes.length,
    valid: best.valid,
    batches: best.batches,
    withIds,
    node: process.version,
  };
  console.log(JSON.stringify(result));
}

void main();
