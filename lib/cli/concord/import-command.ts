// `concord import`: uploads a file into a project through the HTTP API, with a progress bar on
// stderr. A client of the public API only, like `concord export`.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { z } from "zod";
import { parseCliArgs } from "../args";

export const IMPORT_USAGE = `  concord import FILE --project ID [--format concord|label-studio|prodigy|hh-rlhf] [--definition KEY]
                 [--on-invalid skip] [--name NAME] [--url URL] [--token T]
                                                           upload items (and the labels they carry;
                                                           .gz files too); URL and token default to
                                                           CONCORD_URL (else http://localhost:3000), CONCORD_TOKEN`;

const ZArgs = z
  .object({
    project: z.uuid({ message: "is required: the project's id" }),
    format: z.enum(["concord", "label-studio", "prodigy", "hh-rlhf"]).default("concord"),
    definition: z.string().min(1).optional(),
    "on-invalid": z.enum(["reject", "skip"]).default("reject"),
    name: z.string().min(1).optional(),
    url: z.url({ message: "must be the server's URL, e.g. http://localhost:3000" }),
    token: z.string().min(1, "is required (or set CONCORD_TOKEN)"),
  })
  .strict();

type TProgress = (line: string, isFinal: boolean) => void;

const defaultProgress: TProgress = (line, isFinal) => {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${line}${isFinal ? "\n" : ""}`);
  else if (isFinal) process.stderr.write(`${line}\n`);
};

/** `[#########.........]  48%  12.1 MB of 25.0 MB  3.2 MB/s` */
export function progressBar(done: number, total: number, bytesPerSecond: number, width = 24): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * width);
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${mb(done)} of ${mb(total)}  ${mb(bytesPerSecond)}/s`;
}

function contentType(file: string): string {
  const name = file.toLowerCase().replace(/\.gz$/, "");
  if (name.endsWith(".json")) return "application/json";
  if (name.endsWith(".csv")) return "text/csv";
  return "application/x-ndjson";
}

export async function importCommand(argv: string[], progress: TProgress = defaultProgress): Promise<unknown> {
  const [file, ...rest] = argv;
  if (!file || file.startsWith("-"))
    throw new Error("say which file to import: concord import FILE --project ID");
  const args = parseCliArgs(
    rest,
    {
      project: { type: "string" },
      format: { type: "string" },
      definition: { type: "string" },
      "on-invalid": { type: "string" },
      name: { type: "string" },
      url: { type: "string", default: process.env.CONCORD_URL ?? "http://localhost:3000" },
      token: { type: "string", default: process.env.CONCORD_TOKEN },
    },
    ZArgs,
  );
  const size = (await stat(file)).size;
  const fileName = file.split(/[\\/]/).pop()!;
  const query = new URLSearchParams({
    format: args.format,
    onInvalid: args["on-invalid"],
    fileName,
    ...(args.definition ? { definition: args.definition } : {}),
    ...(args.name ? { name: args.name } : {}),
  });
  const started = performance.now();
  let sent = 0;
  let lastReport = 0;
  const report = (isFinal: boolean) => {
    const rate = sent / Math.max((performance.now() - started) / 1000, 0.001);
    progress(progressBar(sent, size, rate), isFinal);
  };
  const source = createReadStream(file);
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        sent += chunk.byteLength;
        if (performance.now() - lastReport > 200) {
          lastReport = performance.now();
          report(false);
        }
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      }
      controller.close();
    },
    cancel() {
      source.destroy();
    },
  });
  const url = `${args.url.replace(/\/+$/, "")}/api/v1/projects/${args.project}/items?${query}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${args.token}`, "content-type": contentType(file) },
      body,
      // @ts-expect-error -- undici needs this for streamed request bodies
      duplex: "half",
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`cannot reach ${args.url}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
  report(true);
  const answer = (await response.json().catch(() => null)) as {
    detail?: string;
    errors?: { path: string; message: string }[];
  } | null;
  if (!response.ok) {
    const problems = (answer?.errors ?? []).slice(0, 20).map((e) => `  ${e.path}: ${e.message}`);
    throw new Error([`${response.status}: ${answer?.detail ?? response.statusText}`, ...problems].join("\n"));
  }
  return answer;
}
