// Builds the import fixtures of issue #12: the same labels in Concord's, Label Studio's and Prodigy's
// formats, from two datasets with annotator ids.
//   node --import tsx lib/cli/build-fixtures/import-history.ts [--datasets DIR] [--out DIR] [--items N]
// Toxic Spans comes from the repository's cut (lib/testing/fixtures/toxic-spans, itself cut from the
// shared dataset by toxic-spans.ts); ConvAbuse from the official test split.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { toLabelStudioTask, type TLabeledItem } from "@/lib/export/label-studio";
import { toProdigyLines } from "@/lib/export/prodigy";
import { parseToxicSpans, toxicSpansForConcord, TOXIC_SPAN_TYPES } from "@/lib/import/toxic-spans";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import { parseCliArgs } from "../args";
import { readToxicSpansFiles, TOXIC_SPANS_FIXTURE } from "./toxic-spans";

export const IMPORT_HISTORY_FIXTURE = "lib/testing/fixtures/import-history";

/** The definitions the fixtures answer, as created in a project (and as specs for the encoders). */
export const TOXIC_DEFINITION = { key: "toxic", kind: "spans", textField: "text", options: TOXIC_SPAN_TYPES };
export const SEVERITY_DEFINITION = {
  key: "severity",
  kind: "rating",
  min: -3,
  max: 1,
  labels: { "1": "not abusive", "0": "ambiguous", "-1": "mild", "-2": "strong", "-3": "very strong" },
};
export const ABUSIVE_DEFINITION = {
  key: "abusive",
  kind: "single_choice",
  title: "Abusive",
  options: [{ key: "accept" }, { key: "reject" }],
};
const SEVERITIES = ["1", "0", "-1", "-2", "-3"] as const;

function spec(definition: Record<string, unknown>): TLabelDefinitionSpec {
  const options = (definition.options as { key: string; title?: string }[] | undefined)?.map((o) => ({
    key: o.key,
    title: o.title ?? o.key,
    hotkey: null,
  }));
  return {
    title: definition.key,
    guidelines: "",
    required: true,
    ...definition,
    ...(options ? { options } : {}),
  } as TLabelDefinitionSpec;
}

/** ConvAbuse's test split: per item, each annotator's severity (the first of repeated values). */
export function readConvAbuse(csv: string, items: number): TLabeledItem[] {
  const rows = (parse(csv, { columns: true }) as Record<string, string>[]).slice(0, items);
  return rows.map((row) => {
    const annotations: TLabeledItem["annotations"] = [];
    for (let n = 1; n <= 8; n++) {
      const picked = SEVERITIES.find((s) => row[`Annotator${n}_is_abuse.${s}`]?.split(",")[0].trim() === "1");
      if (picked === undefined) continue;
      const severity = Number(picked);
      annotations.push({
        annotator: `Annotator${n}`,
        values: { severity, abusive: severity < 0 ? "accept" : "reject" },
        createdAt: null,
      });
    }
    const { example_id, prev_agent, prev_user, agent, user, bot } = row;
    return {
      externalId: example_id.replace(/\.0$/, ""),
      itemId: example_id,
      data: { text: user, agent, prev_user, prev_agent, bot },
      annotations,
    };
  });
}

export function readToxicSpansItems(dir: string): TLabeledItem[] {
  const data = toxicSpansForConcord(parseToxicSpans(readToxicSpansFiles(dir)));
  const byItem = new Map<string, TLabeledItem>(
    data.items.map((i) => [
      i.externalId,
      { externalId: i.externalId, itemId: i.externalId, data: i.data, annotations: [] },
    ]),
  );
  for (const label of data.labels) {
    byItem
      .get(label.externalId)
      ?.annotations.push({ annotator: label.worker, values: { toxic: label.spans }, createdAt: null });
  }
  return [...byItem.values()];
}

const concordLines = (items: TLabeledItem[], keys: string[]) =>
  items
    .map((i) =>
      JSON.stringify({
        externalId: i.externalId,
        data: i.data,
        annotations: i.annotations.map((a) => ({
          annotator: a.annotator,
          values: Object.fromEntries(keys.map((k) => [k, a.values[k]])),
        })),
      }),
    )
    .join("\n") + "\n";

export function buildImportHistoryFixture(options: { datasets: string; out: string; items: number }) {
  mkdirSync(options.out, { recursive: true });
  const write = (name: string, text: string) => writeFileSync(path.join(options.out, name), text);

  const toxic = readToxicSpansItems(TOXIC_SPANS_FIXTURE);
  const toxicSpec = spec(TOXIC_DEFINITION);
  write("toxic-spans.concord.jsonl", concordLines(toxic, ["toxic"]));
  write(
    "toxic-spans.label-studio.json",
    JSON.stringify(
      toxic.map((i) => toLabelStudioTask(i, [toxicSpec], { useTitles: true })),
      null,
      1,
    ) + "\n",
  );
  write(
    "toxic-spans.prodigy.jsonl",
    toxic
      .flatMap((i) => toProdigyLines(i, toxicSpec))
      .map((l) => JSON.stringify(l))
      .join("\n") + "\n",
  );
  copyFileSync(path.join(TOXIC_SPANS_FIXTURE, "LICENSE"), path.join(options.out, "LICENSE-toxic-spans"));

  const convabuseDir = path.join(options.datasets, "convabuse");
  const source = readFileSync(path.join(convabuseDir, "ConvAbuseEMNLPtest.csv"), "utf8");
  const convabuse = readConvAbuse(source, options.items);
  // The source rows themselves, unchanged, so tests compute their reference from them.
  const rows = parse(source, { columns: true, raw: true }) as { raw: string }[];
  write(
    "convabuse.source.csv",
    source.slice(0, source.indexOf("\n") + 1) +
      rows
        .slice(0, options.items)
        .map((r) => r.raw)
        .join(""),
  );
  write("convabuse.concord.jsonl", concordLines(convabuse, ["severity"]));
  write(
    "convabuse.label-studio.json",
    JSON.stringify(
      convabuse.map((i) => toLabelStudioTask(i, [spec(SEVERITY_DEFINITION)])),
      null,
      1,
    ) + "\n",
  );
  write(
    "convabuse.prodigy.jsonl",
    convabuse
      .flatMap((i) => toProdigyLines(i, spec(ABUSIVE_DEFINITION)))
      .map((l) => JSON.stringify(l))
      .join("\n") + "\n",
  );
  copyFileSync(path.join(convabuseDir, "LICENSE"), path.join(options.out, "LICENSE-convabuse"));
  write(
    "README.md",
    `# Labels with their history: import fixtures

Built by \`lib/cli/build-fixtures/import-history.ts\`. The same items and labels in three formats:
\`*.concord.jsonl\` (Concord records with \`annotations\`), \`*.label-studio.json\` (a Label Studio JSON
export) and \`*.prodigy.jsonl\` (Prodigy \`db-out\` lines, one annotation a line).

- **Toxic Spans** (\`toxic-spans.*\`, definition \`toxic\`, spans): the repository's cut of the dataset
  (\`lib/testing/fixtures/toxic-spans\`, see its README), ${toxic.length} posts, crowd workers by id,
  offsets as \`toxicSpansForConcord\` turns them into UTF-16 units. Label Studio results name the span
  types by their titles. Licence CC0 1.0 (\`LICENSE-toxic-spans\`). Cite Pavlopoulos et al., ACL 2022 and
  SemEval-2021 Task 5. **Content warning:** toxic posts, for tests only.
- **ConvAbuse** (\`convabuse.*\`): the first ${convabuse.length} items of the official test split
  (\`ConvAbuseEMNLPtest.csv\`, those rows unchanged in \`convabuse.source.csv\`), the user turn as \`text\`. Concord and Label Studio carry the 5-point
  severity as a rating \`severity\` (-3..1); Prodigy carries binary "abusive" answers (\`abusive\`,
  accept when severity < 0) as Prodigy's binary classification writes them. Repeated labels by one
  annotator keep the first. Licence CC BY 4.0 (\`LICENSE-convabuse\`). "ConvAbuse dataset by Amanda
  Cercas Curry, Gavin Abercrombie and Verena Rieser, https://github.com/amandacurry/convabuse, licensed
  CC BY 4.0." Cite Cercas Curry, Abercrombie & Rieser (2021), EMNLP 2021. **Content warning:** abuse.
`,
  );
  return { toxic: toxic.length, convabuse: convabuse.length };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? "");
if (isMain) {
  const args = parseCliArgs(
    process.argv.slice(2),
    { datasets: { type: "string" }, out: { type: "string" }, items: { type: "string" } },
    z
      .object({
        datasets: z.string().default("../shared/datasets"),
        out: z.string().default(IMPORT_HISTORY_FIXTURE),
        items: z.coerce.number().int().min(1).default(120),
      })
      .strict(),
  );
  console.log(buildImportHistoryFixture(args));
}
