/**
 * The dataset card (README.md) of the Hugging Face folder: YAML front matter that `datasets`
 * reads (`configs` with the one `test` split, `dataset_info` with the features and the row
 * count), then a human-readable body: title, how to load, the files with sizes and sha256, the
 * columns, and the manifest rendered section by section (see manifest-markdown.ts).
 */
import type { TManifest } from "./export-row";
import type { THfNamedFeature } from "./hf-features";
import { codeSpan, escapeMarkdown, manifestMarkdown } from "./manifest-markdown";
import { toYaml } from "./yaml-lite";

export type TCardFile = { path: string; bytes: number; sha256: string; rows?: number };

export type TCardInput = {
  manifest?: TManifest;
  /** null: the data could not be described (see hf-features.ts); `datasets` infers the types. */
  features: THfNamedFeature[] | null;
  /** Path of the data file inside the folder, e.g. "data/test.jsonl". */
  dataPath: string;
  rows: number;
  files: TCardFile[];
  annotations: boolean;
  /** The data file's sha256 was checked against the version's recorded hash. */
  sha256Verified?: boolean;
};

export function titleOf(manifest: TManifest | undefined): { name: string | null; version: string | null } {
  const name = typeof manifest?.name === "string" && manifest.name.trim() !== "" ? manifest.name : null;
  const v = manifest?.version;
  const version = typeof v === "string" || typeof v === "number" ? String(v) : null;
  return { name, version };
}

export function cardFrontMatter(input: TCardInput): Record<string, unknown> {
  const { name, version } = titleOf(input.manifest);
  const front: Record<string, unknown> = {};
  if (name !== null) front.pretty_name = version === null ? name : `${name} (version ${version})`;
  front.configs = [{ config_name: "default", data_files: [{ split: "test", path: input.dataPath }] }];
  const info: Record<string, unknown> = {};
  if (input.features !== null) info.features = input.features;
  info.splits = [{ name: "test", num_examples: input.rows }];
  front.dataset_info = info;
  return front;
}

export function filesTable(files: TCardFile[]): string[] {
  return [
    "| File | Rows | Bytes | sha256 |",
    "| --- | ---: | ---: | --- |",
    ...files.map((f) => `| ${codeSpan(f.path)} | ${f.rows ?? ""} | ${f.bytes} | ${codeSpan(f.sha256)} |`),
  ];
}

function columnLines(input: TCardInput): string[] {
  const lines = [
    "- `item_id` (string): the item's id in Concord, a decimal number written as a string.",
    "- `external_id` (string or null): the id the item was imported with.",
    "- `data` (object): the item's data as imported.",
    "- `labels` (object): the final value of each label, by label definition key (null when none).",
  ];
  if (input.annotations) {
    lines.push(
      "- `annotations` (list): the individual annotations: `annotator` (pseudonymous unless the export " +
        "kept real ids), `values` (by label key) and `definition_versions` (the label definition versions " +
        "answered).",
    );
  }
  if (input.features === null) {
    lines.push("", "Some fields hold values of different types, so this card declares no features.");
  }
  return lines;
}

export function renderDatasetCard(input: TCardInput): string {
  const { name, version } = titleOf(input.manifest);
  const title = name === null ? "Evaluation set" : escapeMarkdown(name);
  const intro =
    `Frozen evaluation set exported from Concord${version === null ? "" : `, version ${escapeMarkdown(version)}`}. ` +
    "The `test` split has one row per item, sorted by item id.";
  const body = [
    `# ${title}`,
    "",
    intro,
    "",
    ...LOADING_LINES,
    "## Files",
    "",
    ...filesTable(input.files),
    "",
    `${codeSpan(input.dataPath)} is canonical JSONL (UTF-8, sorted keys, one item a line): exporting ` +
      "the same version again gives the same bytes." +
      (input.sha256Verified ? " Its sha256 was checked against the hash recorded for the version." : ""),
    "",
    "## Columns",
    "",
    ...columnLines(input),
  ];
  return assembleCard(cardFrontMatter(input), body, input.manifest);
}

/** How to load the folder with `datasets`: the same for every card Concord writes. */
export const LOADING_LINES = [
  "## Loading",
  "",
  "```python",
  "from datasets import load_dataset",
  "",
  'dataset = load_dataset("path/to/this/folder", split="test")',
  "```",
  "",
];

/** A card's text: the YAML front matter, the body, then the manifest section when there is one. */
export function assembleCard(front: Record<string, unknown>, body: string[], manifest?: TManifest): string {
  let text = `---\n${toYaml(front)}---\n\n${body.join("\n")}\n`;
  if (manifest !== undefined && Object.keys(manifest).length > 0) {
    text += `\n## Manifest\n\n${manifestMarkdown(manifest)}`;
  }
  return text;
}
