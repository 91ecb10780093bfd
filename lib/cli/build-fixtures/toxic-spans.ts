// Builds the Toxic Spans fixture from a copy of the dataset (three CSV files and LICENSE):
//   node --import tsx lib/cli/build-fixtures/toxic-spans.ts --source DIR [--out DIR] [--first N] [--last N]
// Rows are copied unchanged, so tests can compute their reference straight from the files.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseToxicSpans, subsetToxicSpans, type TToxicSpansFiles } from "@/lib/import/toxic-spans";
import { parseCliArgs } from "../args";

export const TOXIC_SPANS_FIXTURE = "lib/testing/fixtures/toxic-spans";

const FILES: (keyof TToxicSpansFiles)[] = ["comments", "annotations", "spans"];

export function readToxicSpansFiles(dir: string): TToxicSpansFiles {
  const read = (name: string) => readFileSync(path.join(dir, `${name}.csv`), "utf8");
  return { comments: read("comments"), annotations: read("annotations"), spans: read("spans") };
}

export function buildToxicSpansFixture(options: {
  source: string;
  out: string;
  first: number;
  last: number;
}) {
  const subset = subsetToxicSpans(
    parseToxicSpans(readToxicSpansFiles(options.source)),
    options.first,
    options.last,
  );
  mkdirSync(options.out, { recursive: true });
  for (const name of FILES) writeFileSync(path.join(options.out, `${name}.csv`), subset[name]);
  copyFileSync(path.join(options.source, "LICENSE"), path.join(options.out, "LICENSE"));
  const counts = parseToxicSpans(subset);
  writeFileSync(
    path.join(options.out, "README.md"),
    `# Toxic Spans: a test subset

Crowd span annotations from Toxic Spans (SemEval-2021 Task 5; ACL 2022), repository
\`ipavlopoulos/toxic_spans\`, files \`data/comments.csv\`, \`data/annotations.csv\` and \`data/spans.csv\`.
Licence: CC0 1.0 Universal (\`LICENSE\`, copied unchanged); the posts come from Civil Comments (CC0).

**Content warning:** every post was rated toxic; they contain insults, slurs and profanity. For tests only.

Cut by \`lib/cli/build-fixtures/toxic-spans.ts\` (--first ${options.first} --last ${options.last}): the first
${options.first} and the last ${options.last} comments in the order they first appear in \`annotations.csv\`,
with every annotation and span of theirs; rows and columns unchanged. This copy: ${counts.comments.length}
comments, ${counts.annotations.length} annotations, ${counts.spans.length} spans. An annotation without a
row in \`spans.csv\` is a worker who marked nothing. Offsets count code points, \`end\` exclusive.

Please cite:
- Pavlopoulos, Laugier, Xenos, Sorensen & Androutsopoulos (2022). From the Detection of Toxic Spans in
  Online Discussions to the Analysis of Toxic-to-Civil Transfer. ACL 2022.
- Pavlopoulos, Sorensen, Laugier & Androutsopoulos (2021). SemEval-2021 Task 5: Toxic Spans Detection.
  SemEval-2021. https://aclanthology.org/2021.semeval-1.6
`,
  );
  return counts;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? "");
if (isMain) {
  const args = parseCliArgs(
    process.argv.slice(2),
    {
      source: { type: "string" },
      out: { type: "string" },
      first: { type: "string" },
      last: { type: "string" },
    },
    z
      .object({
        source: z.string().min(1),
        out: z.string().default(TOXIC_SPANS_FIXTURE),
        first: z.coerce.number().int().min(0).default(40),
        last: z.coerce.number().int().min(0).default(25),
      })
      .strict(),
  );
  const counts = buildToxicSpansFixture(args);
  console.log(
    `${args.out}: ${counts.comments.length} comments, ${counts.annotations.length} annotations, ${counts.spans.length} spans`,
  );
}
