import { describe, expect, it } from "vitest";
import { loadYaml } from "@/lib/testing/load-yaml";
import type { TPreferencePair } from "./preference";
import { preferenceFeatureInference, renderPreferenceCard, trlForm } from "./preference-card";

const pair = (prompt: unknown, chosen: unknown, rejected: unknown): TPreferencePair => ({
  item_id: "1",
  external_id: null,
  definition: "ab",
  prompt,
  chosen,
  rejected,
});

function featuresOf(pairs: TPreferencePair[]) {
  const inference = preferenceFeatureInference();
  for (const p of pairs) inference.observePair(p);
  return inference.features();
}

const CONVERSATION = [
  { name: "content", dtype: "string" },
  { name: "role", dtype: "string" },
];

describe("preference features", () => {
  it("declares strings as TRL's standard form", () => {
    const features = featuresOf([pair("Q", "yes", "no"), pair(null, "a", "b")]);
    expect(features).toEqual([
      { name: "prompt", dtype: "string" },
      { name: "chosen", dtype: "string" },
      { name: "rejected", dtype: "string" },
      { name: "definition", dtype: "string" },
      { name: "item_id", dtype: "string" },
      { name: "external_id", dtype: "string" },
    ]);
    expect(trlForm(features)).toMatch(/standard preference form/);
  });

  it("declares conversations as lists of {content, role}", () => {
    const turn = (content: string, role: string) => [{ role, content }];
    const features = featuresOf([pair(turn("hi", "user"), turn("a", "assistant"), turn("b", "assistant"))]);
    expect(features?.slice(0, 3)).toEqual([
      { name: "prompt", list: CONVERSATION },
      { name: "chosen", list: CONVERSATION },
      { name: "rejected", list: CONVERSATION },
    ]);
    expect(trlForm(features)).toMatch(/conversational preference form/);
    const mixed = featuresOf([pair(turn("hi", "user"), "a", "b")]);
    expect(mixed?.[0]).toEqual({ name: "prompt", list: CONVERSATION });
    expect(trlForm(mixed)).toMatch(/wrap each/);
  });

  it("declares nothing when a field holds a string in one pair and a list in another", () => {
    const features = featuresOf([pair("Q", "a", "b"), pair([{ role: "user", content: "Q" }], "a", "b")]);
    expect(features).toBeNull();
    expect(trlForm(features)).toMatch(/no features/);
  });
});

describe("the preference card", () => {
  const sha256 = "cd".repeat(32);
  const features = featuresOf([pair("Q", "yes", "no")]);
  const card = renderPreferenceCard({
    manifest: { name: "prefs", version: 2 },
    features,
    dataPath: "data/test.jsonl",
    rows: 7,
    files: [{ path: "data/test.jsonl", bytes: 700, sha256, rows: 7 }],
    sha256Verified: true,
  });

  it("has front matter `datasets` reads, with the features and the pair count", async () => {
    const front = /^---\n([\s\S]*?)\n---\n/.exec(card);
    expect(await loadYaml(front![1])).toEqual({
      pretty_name: "prefs (version 2)",
      configs: [{ config_name: "default", data_files: [{ split: "test", path: "data/test.jsonl" }] }],
      dataset_info: { features, splits: [{ name: "test", num_examples: 7 }] },
      tags: ["trl", "preference"],
    });
  });

  it("lists the data file's sha256 and says it was checked", () => {
    expect(card).toContain(`| \`data/test.jsonl\` | 7 | 700 | \`${sha256}\` |`);
    expect(card).toContain("checked against the hash the freeze recorded");
  });
});
