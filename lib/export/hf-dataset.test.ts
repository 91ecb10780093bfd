import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { canonicalJson } from "@/lib/label-definitions/canonical-json";

import { digestJsonl, jsonlStream } from "./canonical-jsonl";
import type { TExportRow } from "./export-row";
import type { THfDatasetOptions } from "./hf-dataset";
import { hfDatasetTar, hfDatasetTarGz } from "./hf-dataset";
import type { THfFeature, THfNamedFeature } from "./hf-features";
import { loadYaml } from "@/lib/testing/load-yaml";
import { collectBytes } from "./text-chunks";
import { fromArray, TEST_COLUMNS, TEST_MANIFEST, testRow, testRows } from "@/lib/testing/test-rows";

const work = mkdtempSync(join(tmpdir(), "concord-hf-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const spool = join(work, "spool");
mkdirSync(spool);

const options: THfDatasetOptions = {
  manifest: TEST_MANIFEST,
  columns: TEST_COLUMNS,
  rootDir: "sentiment-v3",
  tmpDir: spool,
};

function extract(archive: Buffer, name: string): string {
  const file = join(work, `${name}.tar.gz`);
  writeFileSync(file, archive);
  const out = join(work, name);
  mkdirSync(out);
  execFileSync("tar", ["-xzf", file, "-C", out]);
  return join(out, "sentiment-v3");
}

/** Does a JSON value fit a datasets feature (as the json builder would cast it)? */
function conforms(value: unknown, feature: THfFeature): boolean {
  if (value === null) return true;
  if ("dtype" in feature) {
    switch (feature.dtype) {
      case "string":
        return typeof value === "string";
      case "bool":
        return typeof value === "boolean";
      case "int64":
        return Number.isSafeInteger(value);
      case "float64":
        return typeof value === "number";
      default:
        return false;
    }
  }
  if ("struct" in feature) return conformsStruct(value, feature.struct);
  if (!Array.isArray(value)) return false;
  const item = feature.list;
  return value.every((v) =>
    typeof item === "string"
      ? conforms(v, { dtype: item })
      : Array.isArray(item)
        ? conformsStruct(v, item)
        : conforms(v, item),
  );
}

function conformsStruct(value: unknown, fields: THfNamedFeature[]): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const byName = new Map(fields.map((f) => [f.name, f]));
  return Object.entries(value).every(([k, v]) => byName.has(k) && conforms(v, byName.get(k)!));
}

function frontMatter(readme: string): string {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(readme);
  if (!match) throw new Error("no front matter");
  return match[1];
}

describe("hfDatasetTarGz", () => {
  it("builds a folder whose data file is the canonical JSONL and whose card describes it", async () => {
    const rows = 1200;
    const archive = await collectBytes(hfDatasetTarGz(testRows(rows, { annotations: true }), options));
    const root = extract(archive, "a");
    expect(readdirSync(root).sort()).toEqual(["README.md", "data", "manifest.json"]);

    const data = readFileSync(join(root, "data/test.jsonl"));
    const jsonl = await collectBytes(jsonlStream(testRows(rows, { annotations: true })));
    expect(data.equals(jsonl)).toBe(true);
    const digest = await digestJsonl(testRows(rows, { annotations: true }));
    expect(readFileSync(join(root, "manifest.json"), "utf8")).toBe(canonicalJson(TEST_MANIFEST));

    const readme = readFileSync(join(root, "README.md"), "utf8");
    expect(readme).toContain(`| \`data/test.jsonl\` | ${rows} | ${digest.bytes} | \`${digest.sha256}\` |`);
    const front = (await loadYaml(frontMatter(readme))) as {
      configs: unknown;
      dataset_info: { features: THfNamedFeature[]; splits: unknown };
    };
    expect(front.configs).toEqual([
      { config_name: "default", data_files: [{ split: "test", path: "data/test.jsonl" }] },
    ]);
    expect(front.dataset_info.splits).toEqual([{ name: "test", num_examples: rows }]);
    const features = front.dataset_info.features;
    expect(features.map((f) => f.name)).toEqual(["item_id", "external_id", "data", "labels", "annotations"]);
    const lines = data.toString("utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(rows);
    for (const line of lines) {
      const record = JSON.parse(line) as Record<string, unknown>;
      expect(Object.keys(record).sort()).toEqual(features.map((f) => f.name).sort());
      for (const feature of features) expect(conforms(record[feature.name], feature)).toBe(true);
    }
  });

  it("is byte-identical across runs, and leaves no temporary files", async () => {
    const first = await collectBytes(hfDatasetTarGz(testRows(500, { annotations: true }), options));
    const second = await collectBytes(hfDatasetTarGz(testRows(500, { annotations: true }), options));
    expect(first.equals(second)).toBe(true);
    expect(readdirSync(spool)).toEqual([]);
    const plain = await collectBytes(hfDatasetTar(testRows(500, { annotations: true }), options));
    expect(plain.length % 10240).toBe(0);
  });

  it("parses its card with PyYAML, which the Hugging Face tools use", async () => {
    const archive = await collectBytes(hfDatasetTarGz(testRows(50), options));
    const readme = readFileSync(join(extract(archive, "py"), "README.md"), "utf8");
    let parsed: string;
    try {
      parsed = execFileSync(
        "python3",
        ["-c", "import sys,yaml,json; print(json.dumps(yaml.safe_load(sys.stdin)))"],
        {
          input: frontMatter(readme),
          encoding: "utf8",
          stdio: ["pipe", "pipe", "ignore"],
        },
      );
    } catch {
      return; // no python3 with PyYAML here: js-yaml checked the same text above
    }
    expect(JSON.parse(parsed)).toEqual(await loadYaml(frontMatter(readme)));
  });

  it("checks the recorded hash before yielding anything, and cleans up", async () => {
    const { sha256 } = await digestJsonl(testRows(30));
    const ok = await collectBytes(
      hfDatasetTarGz(testRows(30), { ...options, expectedSha256: sha256.toUpperCase() }),
    );
    expect(ok.length).toBeGreaterThan(0);
    const yielded: Uint8Array[] = [];
    const run = async () => {
      for await (const chunk of hfDatasetTar(testRows(30), { ...options, expectedSha256: "0".repeat(64) })) {
        yielded.push(chunk);
      }
    };
    await expect(run()).rejects.toThrow(/recorded/);
    expect(yielded).toEqual([]);
    expect(readdirSync(spool)).toEqual([]);
  });

  it("cleans up when the consumer stops early, and refuses unsorted rows", async () => {
    for await (const chunk of hfDatasetTarGz(testRows(100), options)) {
      expect(chunk.length).toBeGreaterThan(0);
      break;
    }
    expect(readdirSync(spool)).toEqual([]);
    const unsorted: TExportRow[] = [testRow(2), testRow(1)];
    await expect(collectBytes(hfDatasetTarGz(fromArray(unsorted), options))).rejects.toThrow(/sorted/);
    expect(readdirSync(spool)).toEqual([]);
    await expect(collectBytes(hfDatasetTar(fromArray([]), { ...options, rootDir: "../x" }))).rejects.toThrow(
      /rootDir/,
    );
  });

  it("exports an empty version and one without a manifest", async () => {
    const root = extract(
      await collectBytes(hfDatasetTarGz(fromArray([]), { ...options, manifest: undefined })),
      "empty",
    );
    expect(readdirSync(root).sort()).toEqual(["README.md", "data"]);
    expect(readFileSync(join(root, "data/test.jsonl")).length).toBe(0);
    expect(readFileSync(join(root, "README.md"), "utf8")).toContain("num_examples: 0");
  });
});
