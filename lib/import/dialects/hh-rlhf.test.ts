import { describe, expect, it } from "vitest";
import { detectDialect } from "@/lib/client/preview-file";
import { unmappedData } from "@/lib/client/import-mapping";
import { hhFields, HH_DEFAULT_FIELDS, parseTranscript, splitHhPair } from "./hh-rlhf";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";

const pair = (chosen: unknown, rejected: unknown) => ({ chosen, rejected });

describe("splitHhPair", () => {
  it("turns the shared turns into the prompt and the differing last turns into the sides (the docs' example)", () => {
    const split = splitHhPair(
      pair("\n\nHuman: Hi\n\nAssistant: Hello!", "\n\nHuman: Hi\n\nAssistant: Go away."),
      HH_DEFAULT_FIELDS,
    );
    expect(split).toEqual({
      data: { prompt: [{ role: "user", content: "Hi" }], a: "Hello!", b: "Go away.", hh_chosen: "A" },
    });
  });

  it("keeps the markers of a continuation longer than one Assistant turn", () => {
    const split = splitHhPair(
      pair("\n\nHuman: Q\n\nAssistant: one\n\nAssistant: two", "\n\nHuman: Q\n\nAssistant: other"),
      HH_DEFAULT_FIELDS,
    );
    if (!("data" in split)) throw new Error("expected data");
    const chosenField = split.data.hh_chosen === "A" ? "a" : "b";
    expect(split.data[chosenField]).toBe("Assistant: one\n\nAssistant: two");
  });

  it("names the field of each problem", () => {
    const paths = (record: unknown) => {
      const split = splitHhPair(record, HH_DEFAULT_FIELDS);
      return "problems" in split ? split.problems.map((p) => p.path) : [];
    };
    expect(paths(pair(undefined, "\n\nHuman: a\n\nAssistant: b"))).toEqual(["chosen"]);
    expect(paths(pair("\n\nHuman: a\n\nAssistant: b", null))).toEqual(["rejected"]);
    expect(paths(pair("Assistant: b", "Human: a"))).toEqual(["chosen", "rejected"]);
    expect(paths(pair("\n\nHuman: a\n\nAssistant: b", "\n\nHuman: c\n\nAssistant: b"))).toEqual(["rejected"]);
    expect(paths(pair("\n\nHuman: a\n\nAssistant: b", "\n\nHuman: a\n\nAssistant: b\n\nHuman: c"))).toEqual([
      "chosen",
    ]);
    expect(paths("text")).toEqual(["(record)"]);
    // As in 4 pairs of the harmless-base test split: the preferred answer is an empty Assistant turn.
    const empty = splitHhPair(
      pair("\n\nHuman: a\n\nAssistant: ", "\n\nHuman: a\n\nAssistant: no"),
      HH_DEFAULT_FIELDS,
    );
    expect(empty).toEqual({
      problems: [{ path: "chosen", message: expect.stringMatching(/answer .* is empty/) }],
    });
  });
});

describe("parseTranscript", () => {
  it("reads roles and contents, and refuses text that does not open with a Human turn", () => {
    expect(parseTranscript("\n\nHuman: a b\n\nAssistant:c")).toEqual([
      { role: "user", content: "a b" },
      { role: "assistant", content: "c" },
    ]);
    expect(parseTranscript("Human: a")).toBeNull();
    expect(parseTranscript("\n\nAssistant: a")).toBeNull();
  });
});

describe("hhFields", () => {
  const pairwise = (key: string, textField?: string) =>
    ({
      key,
      kind: "pairwise",
      textFields: [`${key}_l`, `${key}_r`],
      textField,
      allowTie: true,
    }) as unknown as TLabelDefinitionSpec;
  it("uses the only pairwise definition's fields, the named one's, or the defaults", () => {
    expect(hhFields(new Map(), undefined)).toEqual(HH_DEFAULT_FIELDS);
    expect(hhFields(new Map([["p", pairwise("p", "ctx")]]), undefined)).toEqual({
      prompt: "ctx",
      sides: ["p_l", "p_r"],
    });
    const two = new Map([
      ["p", pairwise("p")],
      ["q", pairwise("q")],
    ]);
    expect(typeof hhFields(two, undefined)).toBe("string");
    expect(hhFields(two, "q")).toEqual({ prompt: "prompt", sides: ["q_l", "q_r"] });
    expect(typeof hhFields(two, "nope")).toBe("string");
  });
});

describe("the import page", () => {
  it("detects HH-RLHF lines and previews the item they become", () => {
    const record = pair("\n\nHuman: Hi\n\nAssistant: Hello!", "\n\nHuman: Hi\n\nAssistant: Go away.");
    expect(detectDialect([record], "jsonl")).toBe("hh-rlhf");
    expect(detectDialect([{ ...record, id: 1 }], "jsonl")).toBe("concord");
    expect(unmappedData(record, "hh-rlhf")).toMatchObject({ a: "Hello!", b: "Go away." });
  });
});
