/**
 * The Hugging Face `datasets` folder of an eval-set version, as one deterministic archive:
 *
 *   <rootDir>/README.md        dataset card: YAML front matter (configs, features) + body
 *   <rootDir>/data/test.jsonl  the canonical JSONL (canonical-jsonl.ts), byte for byte
 *   <rootDir>/manifest.json    canonical JSON of the manifest, no trailing newline (only when given)
 *
 * After extracting, `datasets.load_dataset("<rootDir>", split="test")` loads it with the `json`
 * builder, which reads the `configs` and `dataset_info.features` of the card.
 *
 * A tar header needs the file's size before its bytes, and the card needs the features and
 * counts of all rows, so the JSONL is first streamed to a temporary file (memory stays constant;
 * disk holds one copy), then the archive is streamed: README.md, data/test.jsonl read back from
 * the file, manifest.json. The temporary directory is removed when the generator finishes, fails
 * or is closed early (`return()`, as `for await ... break` and stream destruction do).
 *
 * With `expectedSha256` (the version's recorded hash), a JSONL with another hash throws before
 * any archive byte is yielded.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { jsonlStream } from "./canonical-jsonl";
import type { TExportColumns, TExportRow, TManifest } from "./export-row";
import { toWireRow } from "./export-row";
import { canonicalJsonFast } from "@/lib/label-definitions/canonical-json-fast";
import { gzipStream } from "./gzip-stream";
import type { TCardFile } from "./hf-card";
import { renderDatasetCard } from "./hf-card";
import { featureInference } from "./hf-features";
import type { TTarEntry } from "./tar";
import { tarStream } from "./tar";

export const HF_DATA_PATH = "data/test.jsonl";

export type THfDatasetOptions = {
  /** Rendered in the card and written as manifest.json; leave out to include no manifest. */
  manifest?: TManifest;
  /** Known data and label keys: declared as features even when no row has a value. */
  columns?: Partial<TExportColumns>;
  /** The folder inside the archive (default "dataset"): one path segment. */
  rootDir?: string;
  /** mtime of every entry, seconds since the epoch (default 0). */
  mtime?: number;
  /** The version's recorded sha256 (hex) of its canonical JSONL. */
  expectedSha256?: string;
  /** Where the temporary JSONL goes (default the OS temp dir). */
  tmpDir?: string;
  gzipLevel?: number;
};

const ROOT_DIR = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Opens the file only when the tar writer gets to it; closing the generator closes the file. */
async function* readFile(path: string): AsyncGenerator<Uint8Array> {
  yield* createReadStream(path, { highWaterMark: 64 * 1024 });
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** What a folder's card is rendered from, once its data file is written. */
export type THfFolderFacts = { rows: number; files: TCardFile[]; sha256Verified: boolean };

export type THfFolderOptions = Omit<THfDatasetOptions, "columns" | "gzipLevel"> & {
  /** The data file's bytes, with how many rows (lines) each chunk holds counted by the caller. */
  data: AsyncIterable<Uint8Array>;
  rows: () => number;
  card: (facts: THfFolderFacts) => string;
};

/**
 * A `datasets` folder as an uncompressed tar stream: README.md (the card), data/test.jsonl, and
 * manifest.json. The data is spooled to a temporary file first, because a tar header needs its size
 * and the card its count and hash.
 */
export async function* hfFolderTar(options: THfFolderOptions): AsyncGenerator<Uint8Array> {
  const root = options.rootDir ?? "dataset";
  if (!ROOT_DIR.test(root) || root.length > 60)
    throw new Error(`hf-dataset: bad rootDir ${JSON.stringify(root)}`);
  const dir = await mkdtemp(join(options.tmpDir ?? tmpdir(), "concord-hf-"));
  try {
    const dataFile = join(dir, "test.jsonl");
    const hash = createHash("sha256");
    let bytes = 0;
    const handle = await open(dataFile, "w");
    try {
      for await (const chunk of options.data) {
        hash.update(chunk);
        bytes += chunk.byteLength;
        await handle.write(chunk);
      }
    } finally {
      await handle.close();
    }
    const sha256 = hash.digest("hex");
    const expected = options.expectedSha256?.toLowerCase();
    if (expected !== undefined && expected !== sha256) {
      throw new Error(`hf-dataset: the JSONL hashes to ${sha256}, not the recorded ${expected}`);
    }

    const rows = options.rows();
    const files: TCardFile[] = [{ path: HF_DATA_PATH, bytes, sha256, rows }];
    const manifestJson = options.manifest ? Buffer.from(canonicalJsonFast(options.manifest), "utf8") : null;
    if (manifestJson)
      files.push({ path: "manifest.json", bytes: manifestJson.length, sha256: sha256Hex(manifestJson) });
    const readme = Buffer.from(options.card({ rows, files, sha256Verified: expected !== undefined }), "utf8");

    const entries: TTarEntry[] = [
      { type: "directory", path: root },
      { type: "file", path: `${root}/README.md`, body: readme },
      { type: "directory", path: `${root}/data` },
      {
        type: "file",
        path: `${root}/${HF_DATA_PATH}`,
        size: bytes,
        body: readFile(dataFile),
      },
    ];
    if (manifestJson) entries.push({ type: "file", path: `${root}/manifest.json`, body: manifestJson });
    yield* tarStream(entries, { mtime: options.mtime ?? 0 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The folder of the items as an uncompressed tar stream. */
export function hfDatasetTar(
  rows: AsyncIterable<TExportRow>,
  options: THfDatasetOptions = {},
): AsyncGenerator<Uint8Array> {
  const inference = featureInference(options.columns);
  let count = 0;
  let annotations = false;
  async function* observed(): AsyncGenerator<TExportRow> {
    for await (const row of rows) {
      inference.observeRow(toWireRow(row));
      annotations ||= row.annotations !== undefined;
      count += 1;
      yield row;
    }
  }
  return hfFolderTar({
    ...options,
    data: jsonlStream(observed()),
    rows: () => count,
    card: (facts) =>
      renderDatasetCard({
        ...facts,
        manifest: options.manifest,
        features: inference.features(),
        dataPath: HF_DATA_PATH,
        annotations,
      }),
  });
}

/** The folder as a .tar.gz stream (gzip-stream.ts: deterministic for a given Node build). */
export function hfDatasetTarGz(
  rows: AsyncIterable<TExportRow>,
  options: THfDatasetOptions = {},
): AsyncGenerator<Uint8Array> {
  return gzipStream(hfDatasetTar(rows, options), { level: options.gzipLevel });
}
