import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { loadYaml } from "@/lib/testing/load-yaml";
import { toYaml, yamlString } from "./yaml-lite";

const key = fc.string().filter((k) => k !== "__proto__");
const yamlValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
    fc.string({ unit: "grapheme" }),
    fc.constantFrom(
      "yes",
      "No",
      "on",
      "null",
      "~",
      "true",
      "1.5",
      "0x1F",
      "- a",
      "a: b",
      "#x",
      "",
      " ",
      "'q'",
    ),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(key, tie("value"), { maxKeys: 4 }),
  ),
})).value;

describe("toYaml", () => {
  it("reads back as the same value", async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(key, yamlValue, { maxKeys: 5 }), async (record) => {
        expect(await loadYaml(toYaml(record))).toEqual(record);
      }),
      { numRuns: 500 },
    );
  });

  it("writes the block style of dataset cards", () => {
    expect(
      toYaml({
        configs: [{ config_name: "default", data_files: [{ split: "test", path: "data/test.jsonl" }] }],
        dataset_info: {
          features: [{ name: "labels", struct: [{ name: "x y", list: "string" }] }],
          empty: [],
        },
      }),
    ).toBe(
      [
        "configs:",
        "- config_name: default",
        "  data_files:",
        "  - split: test",
        "    path: data/test.jsonl",
        "dataset_info:",
        "  features:",
        "  - name: labels",
        "    struct:",
        '    - name: "x y"',
        "      list: string",
        "  empty: []",
        "",
      ].join("\n"),
    );
  });

  it("quotes strings that YAML 1.1 or 1.2 would read as something else", () => {
    for (const text of ["yes", "off", "Null", "1", "1e3", ".inf", "~", "", "a:b", "x y", "-a", "@a"]) {
      expect(yamlString(text)).toBe(JSON.stringify(text));
    }
    for (const text of ["string", "data/test.jsonl", "int64", "label.sentiment"])
      expect(yamlString(text)).toBe(text);
  });
});
