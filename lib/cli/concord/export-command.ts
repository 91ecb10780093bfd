// `concord export`: downloads a frozen eval-set version through the HTTP API and checks it.
// A client of the public API only (fetch), so it works against any Concord server with a token.
import { createHash } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { z } from "zod";
import { parseCliArgs } from "../args";

export const EXPORT_USAGE = `  concord export --url URL --token T --set NAME --version N [--format jsonl|csv|parquet|hf|preference|preference-hf]
                 [--project ID] [--annotations] [--raw-annotators] -o FILE
                                                           download a frozen eval-set version; the
                                                           JSONL (and preference pairs) are checked
                                                           against their recorded sha256`;

const ZArgs = z
  .object({
    url: z.url({ message: "must be the server's URL, e.g. http://localhost:3000" }),
    token: z.string().min(1, "is required (or set CONCORD_TOKEN)"),
    set: z.string().min(1, "is required: the eval set's name"),
    project: z.uuid().optional(),
    version: z.string().regex(/^([1-9]\d{0,8}|latest)$/, "must be a version number or latest"),
    format: z.enum(["jsonl", "csv", "parquet", "hf", "preference", "preference-hf"]).default("jsonl"),
    annotations: z.boolean().default(false),
    "raw-annotators": z.boolean().default(false),
    output: z.string().min(1, "is required: the file to write (-o)"),
  })
  .strict();

type TSet = {
  id: string;
  name: string;
  projectId: string;
  projectName: string;
  latestVersion: TVersion | null;
};
type TVersion = { version: number; sha256: string; byteCount: number; itemCount: number };
type TOutput = { progress: (line: string, isFinal: boolean) => void; info: (line: string) => void };

export type TExportResult = { file: string; bytes: number; sha256: string; isVerified: boolean };

const defaultOutput: TOutput = {
  progress: (line, isFinal) => {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${line}${isFinal ? "\n" : ""}`);
    else if (isFinal) process.stderr.write(`${line}\n`);
  },
  info: (line) => process.stderr.write(`${line}\n`),
};

export async function exportCommand(argv: string[], output: TOutput = defaultOutput): Promise<TExportResult> {
  const args = parseCliArgs(
    argv,
    {
      url: { type: "string" },
      token: { type: "string", default: process.env.CONCORD_TOKEN },
      set: { type: "string" },
      project: { type: "string" },
      version: { type: "string" },
      format: { type: "string" },
      annotations: { type: "boolean" },
      "raw-annotators": { type: "boolean" },
      output: { type: "string", short: "o" },
    },
    ZArgs,
  );
  const api = async <T>(path: string): Promise<T> => {
    const response = await request(args.url, path, args.token);
    return (await response.json()) as T;
  };

  const query = new URLSearchParams({ name: args.set, ...(args.project ? { project: args.project } : {}) });
  const { evalSets } = await api<{ evalSets: TSet[] }>(`/eval-sets?${query}`);
  if (evalSets.length === 0) throw new Error(`no eval set named "${args.set}" that this token may read`);
  if (evalSets.length > 1) {
    const where = evalSets.map((s) => `  --project ${s.projectId}  (${s.projectName})`).join("\n");
    throw new Error(`"${args.set}" names eval sets in several projects; pick one:\n${where}`);
  }
  const set = evalSets[0];
  const version =
    args.version === "latest"
      ? set.latestVersion
      : await api<TVersion>(`/eval-sets/${set.id}/versions/${args.version}`);
  if (!version) throw new Error(`"${set.name}" has no frozen version yet`);

  const options = new URLSearchParams({ format: args.format });
  if (args.annotations) options.set("annotations", "true");
  if (args["raw-annotators"]) options.set("annotators", "raw");
  const response = await request(
    args.url,
    `/eval-sets/${set.id}/versions/${version.version}/export?${options}`,
    args.token,
  );
  const expectedBytes = Number(response.headers.get("content-length") ?? 0) || null;
  const label = `${set.name} v${version.version} (${version.itemCount.toLocaleString("en-US")} items)`;
  const partial = `${args.output}.partial`;
  const { bytes, sha256 } = await saveBody(response, partial, (received, rate, isFinal) =>
    output.progress(progressLine(label, received, expectedBytes, rate), isFinal),
  );

  // The recorded hash is that of the canonical JSONL without annotations: the one file it can verify.
  const isCanonical = args.format === "jsonl" && !args.annotations;
  // Preference pairs carry their own hash, recorded in the manifest at the freeze.
  const preferenceSha256 =
    args.format === "preference" ? response.headers.get("x-concord-file-sha256") : null;
  if (preferenceSha256 !== null && sha256 !== preferenceSha256) {
    await rm(partial, { force: true });
    throw new Error(
      `the preference pairs do not match the frozen version: sha256 ${sha256}, recorded ${preferenceSha256}. ` +
        "Nothing was saved; try again.",
    );
  }
  if (isCanonical && (sha256 !== version.sha256 || bytes !== version.byteCount)) {
    await rm(partial, { force: true });
    throw new Error(
      `the download does not match the frozen version: sha256 ${sha256} (${bytes} bytes), ` +
        `recorded ${version.sha256} (${version.byteCount} bytes). Nothing was saved; try again.`,
    );
  }
  if (expectedBytes !== null && bytes !== expectedBytes) {
    await rm(partial, { force: true });
    throw new Error(`the download was cut off at ${bytes} of ${expectedBytes} bytes. Nothing was saved.`);
  }
  await rename(partial, args.output);
  output.info(
    isCanonical || preferenceSha256 !== null
      ? `sha256 ${sha256} verified: it is the hash recorded for ${set.name} v${version.version}` +
          (preferenceSha256 !== null ? "'s preference pairs" : "")
      : `sha256 ${sha256} (the recorded ${version.sha256} is that of the canonical JSONL` +
          (args.format === "hf" && !args.annotations
            ? ", which the server checked inside the archive)"
            : ")"),
  );
  output.info(`saved ${args.output}`);
  return { file: args.output, bytes, sha256, isVerified: isCanonical || preferenceSha256 !== null };
}

async function request(base: string, path: string, token: string): Promise<Response> {
  const url = `${base.replace(/\/+$/, "")}/api/v1${path}`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`cannot reach ${base}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
  if (response.ok) return response;
  const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
  const detail = problem?.detail ?? response.statusText;
  if (response.status === 401) throw new Error(`the server refused the token: ${detail}`);
  throw new Error(`${response.status} from ${url}: ${detail}`);
}

async function saveBody(
  response: Response,
  file: string,
  onProgress: (bytes: number, bytesPerSecond: number, isFinal: boolean) => void,
): Promise<{ bytes: number; sha256: string }> {
  if (!response.body) throw new Error("the server sent no body");
  const hash = createHash("sha256");
  const out = createWriteStream(file);
  const started = performance.now();
  let bytes = 0;
  let lastReport = 0;
  const rate = () => bytes / Math.max((performance.now() - started) / 1000, 0.001);
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      bytes += chunk.byteLength;
      if (!out.write(chunk)) await once(out, "drain");
      if (performance.now() - lastReport > 200) {
        lastReport = performance.now();
        onProgress(bytes, rate(), false);
      }
    }
    out.end();
    await once(out, "finish");
  } catch (error) {
    out.destroy();
    await rm(file, { force: true });
    throw new Error(`the download failed after ${bytes} bytes: ${(error as Error).message}`, {
      cause: error,
    });
  }
  onProgress(bytes, rate(), true);
  return { bytes, sha256: hash.digest("hex") };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

export function progressLine(
  label: string,
  bytes: number,
  total: number | null,
  bytesPerSecond: number,
): string {
  const amount = total
    ? `${megabytes(bytes)} of ${megabytes(total)} (${Math.floor((bytes / total) * 100)}%)`
    : megabytes(bytes);
  return `${label}: ${amount} · ${megabytes(bytesPerSecond)}/s`;
}
