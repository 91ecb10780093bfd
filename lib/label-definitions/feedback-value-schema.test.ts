import { describe, expect, it } from "vitest";
import { ZLabelDefinitionInput } from "./definition-schema";
import { ZLabelDefinitionSpec, type TLabelDefinitionSpec } from "./definition-spec";
import { submissionSchemaFor, valueSchemaFor } from "./value-schema";
import { toFieldErrors, type TFieldError } from "@/lib/schemas/field-errors";

const spec = (input: unknown): TLabelDefinitionSpec => ZLabelDefinitionSpec.parse(input);

function errorsOf(
  schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } },
  value: unknown,
) {
  const result = schema.safeParse(value);
  return result.success ? [] : toFieldErrors(result.error as never);
}

const strict = spec({ key: "rank", kind: "ranking", promptField: "prompt" });
const ties = spec({ key: "rank", kind: "ranking", allowTies: true });
const item = { data: { prompt: "Say hi", responses: ["hi", "hello", "hey", "yo"] } };
const rubric = spec({
  key: "quality",
  kind: "rubric",
  criteria: [
    { key: "helpful", min: 1, max: 5, minLabel: "useless", maxLabel: "very helpful" },
    { key: "harmless", title: "Harmless", min: 0, max: 3 },
  ],
});

describe("ranking and rubric definitions", () => {
  it("fills the defaults", () => {
    expect(strict).toMatchObject({ responsesField: "responses", promptField: "prompt", allowTies: false });
    expect(rubric).toMatchObject({
      criteria: [
        { key: "helpful", title: "helpful", min: 1, max: 5, minLabel: "useless", maxLabel: "very helpful" },
        { key: "harmless", title: "Harmless", min: 0, max: 3 },
      ],
    });
  });

  it("keeps the conversation target, and normalizing a spec again changes nothing", () => {
    const s = spec({ key: "r", kind: "ranking", conversationTarget: "all_assistant_turns" });
    expect(s.conversationTarget).toBe("all_assistant_turns");
    expect(spec(s)).toEqual(s);
    expect(spec(rubric)).toEqual(rubric);
  });

  it.each([
    [{ key: "r", kind: "ranking", responsesField: "" }, "responsesField"],
    [{ key: "r", kind: "ranking", promptField: "responses" }, "promptField"],
    [{ key: "r", kind: "ranking", allowTies: "yes" }, "allowTies"],
    [{ key: "r", kind: "ranking", conversationTarget: "first_turn" }, "conversationTarget"],
    [{ key: "r", kind: "rubric", criteria: [] }, "criteria"],
    [{ key: "r", kind: "rubric", criteria: [{ key: "a", min: 3, max: 3 }] }, "criteria.0.max"],
    [{ key: "r", kind: "rubric", criteria: [{ key: "A", min: 1, max: 3 }] }, "criteria.0.key"],
    [
      {
        key: "r",
        kind: "rubric",
        criteria: [
          { key: "a", min: 1, max: 3 },
          { key: "a", min: 1, max: 5 },
        ],
      },
      "criteria.1.key",
    ],
  ])("rejects %j naming %s", (input, path) => {
    const errors = errorsOf(ZLabelDefinitionInput, input);
    expect(errors.map((e: TFieldError) => e.path)).toEqual([path]);
  });
});

describe("ranking values", () => {
  it("accepts a permutation of 1..K and, when ties are allowed, a dense ranking with ties", () => {
    expect(errorsOf(valueSchemaFor(strict, item), [2, 1, 4, 3])).toEqual([]);
    expect(errorsOf(valueSchemaFor(ties, item), [1, 2, 2, 3])).toEqual([]);
    expect(errorsOf(valueSchemaFor(ties, item), [1, 1, 1, 1])).toEqual([]);
  });

  it.each([
    [
      "a length other than the item's responses",
      strict,
      [1, 2, 3],
      "",
      /ranks 3 responses but the item has 4/,
    ],
    ["a rank above K", strict, [1, 2, 3, 5], "3", /rank 5 is outside 1\.\.4/],
    ["a rank below 1", ties, [0, 1, 2, 3], "0", /rank 0 is outside 1\.\.4/],
    ["a tie when ties are not allowed", strict, [1, 2, 2, 3], "2", /ties are not allowed/],
    ["a gap in a dense ranking", ties, [1, 3, 3, 4], "", /rank 2 is missing/],
    ["a gap in a ranking with ties: [1, 1, 3, 4]", ties, [1, 1, 3, 4], "", /rank 2 is missing/],
    ["a non-integer rank", strict, [1, 2.5, 3, 4], "1", /integers/],
    ["not an array", strict, "1,2,3,4", "", /array of ranks/],
  ])("rejects %s, naming the place", (_, s, value, path, message) => {
    const errors = errorsOf(valueSchemaFor(s, item), value);
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toBe(path);
    expect(errors[0].message).toMatch(message);
  });

  it("rejects any ranking of an item whose responses field is not an array of strings, naming the field", () => {
    for (const responses of ["one", [1, 2], null, [["a"], "b"]]) {
      const errors = errorsOf(valueSchemaFor(strict, { data: { responses } }), [1, 2]);
      expect(errors).toEqual([
        { path: "", message: expect.stringContaining(`"responses" is not an array of strings`) },
      ]);
    }
  });

  it("names the definition in a submission's path", () => {
    const errors = errorsOf(submissionSchemaFor([strict], item), { values: { rank: [1, 2, 3] } });
    expect(errors.map((e: TFieldError) => e.path)).toEqual(["values.rank"]);
  });
});

describe("rubric values", () => {
  it("accepts a score for every criterion", () => {
    expect(errorsOf(valueSchemaFor(rubric), { helpful: 5, harmless: 0 })).toEqual([]);
  });

  it.each([
    [{ helpful: 5 }, "harmless", /a score for criterion "harmless" is required/],
    [{ helpful: 6, harmless: 0 }, "helpful", /integer from 1 to 5/],
    [{ helpful: 2.5, harmless: 0 }, "helpful", /integer from 1 to 5/],
    [{ helpful: 2, harmless: 0, tone: 1 }, "tone", /unknown field "tone"/],
    [[1, 2], "", /must be an object/],
  ])("rejects %j naming %s", (value, path, message) => {
    const errors = errorsOf(valueSchemaFor(rubric), value);
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toBe(path);
    expect(errors[0].message).toMatch(message);
  });
});
