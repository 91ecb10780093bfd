import { describe, expect, it } from "vitest";
import {
  clampTimeSpent,
  draftErrors,
  errorsByDefinition,
  hasAnswers,
  initialValues,
  sameValues,
  submissionValues,
  valuesFromStored,
} from "./draft-values";
import { testAssignment } from "@/lib/testing/test-assignment";

const { definitions, item } = testAssignment("1");
const complete = {
  sentiment: "pos",
  topics: ["politics", "sports"],
  stars: 4,
  ents: [{ start: 0, end: 12, label: "PER" }],
  better: "A",
  note: null,
};

describe("initialValues", () => {
  it("starts spans as no spans and everything else unanswered", () => {
    expect(initialValues(definitions)).toEqual({
      sentiment: null,
      topics: null,
      stars: null,
      ents: [],
      better: null,
      note: null,
    });
  });
});

describe("draftErrors", () => {
  it("names every required definition without an answer, in words an annotator can act on", () => {
    const errors = draftErrors(definitions, item, initialValues(definitions));
    expect(Object.keys(errors)).toEqual(["sentiment", "topics", "stars", "better"]);
    expect(errors.sentiment).toBe("Choose one option.");
    expect(errors.stars).toBe("Choose a value from 1 to 5.");
    expect(errors.better).toBe("Choose A, B or Tie.");
  });

  it("accepts a complete draft, with the optional text left empty", () => {
    expect(draftErrors(definitions, item, complete)).toEqual({});
    expect(draftErrors(definitions, item, { ...complete, note: "" })).toEqual({});
  });

  it("accepts none selected as a multi-choice answer", () => {
    expect(draftErrors(definitions, item, { ...complete, topics: [] })).toEqual({});
  });

  it("checks spans against the item's text, like the server", () => {
    const errors = draftErrors(definitions, item, {
      ...complete,
      ents: [{ start: 0, end: 99, label: "PER" }],
    });
    expect(errors.ents).toMatch(/^0\.end: end 99 is past the end of the text/);
  });
});

describe("submissionValues", () => {
  it("sends every definition, an empty optional text as null", () => {
    expect(submissionValues(definitions, { sentiment: "pos", note: "" })).toEqual({
      sentiment: "pos",
      topics: null,
      stars: null,
      ents: null,
      better: null,
      note: null,
    });
  });
});

describe("hasAnswers", () => {
  it("is false for a fresh draft (no spans and an empty text are not answers)", () => {
    expect(hasAnswers(definitions, initialValues(definitions))).toBe(false);
    expect(hasAnswers(definitions, { ...initialValues(definitions), note: "" })).toBe(false);
  });

  it("is true once anything is answered", () => {
    expect(hasAnswers(definitions, { ...initialValues(definitions), topics: [] })).toBe(true);
    expect(hasAnswers(definitions, { ...initialValues(definitions), ents: complete.ents })).toBe(true);
  });
});

describe("sameValues and valuesFromStored", () => {
  it("compares multi-choice keys and spans in any order", () => {
    const reordered = {
      ...complete,
      topics: ["sports", "politics"],
      ents: [
        { start: 13, end: 16, label: "ORG" },
        { start: 0, end: 12, label: "PER" },
      ],
    };
    const withBoth = { ...complete, ents: [...complete.ents, { start: 13, end: 16, label: "ORG" }] };
    expect(sameValues(definitions, withBoth, reordered)).toBe(true);
    expect(sameValues(definitions, complete, { ...complete, stars: 3 })).toBe(false);
  });

  it("treats an optional empty text as no answer", () => {
    expect(sameValues(definitions, complete, { ...complete, note: "" })).toBe(true);
  });

  it("fills what the server did not store with the start values", () => {
    const stored = valuesFromStored(definitions, { sentiment: "neg", ents: null });
    expect(stored).toEqual({ ...initialValues(definitions), sentiment: "neg" });
    expect(valuesFromStored(definitions, null)).toEqual(initialValues(definitions));
  });
});

describe("errorsByDefinition", () => {
  it("places a 422's errors under their definitions and keeps the rest", () => {
    const { byKey, other } = errorsByDefinition(
      [
        { path: "values.stars", message: "must be an integer from 1 to 5" },
        { path: "values.ents.0.end", message: "end must be greater than start" },
        { path: "values.gone", message: 'unknown field "gone"' },
        { path: "timeSpentMs", message: "too large" },
      ],
      ["stars", "ents"],
    );
    expect(byKey).toEqual({
      stars: "must be an integer from 1 to 5",
      ents: "0.end: end must be greater than start",
    });
    expect(other).toEqual(['unknown field "gone"', "too large"]);
  });
});

describe("clampTimeSpent", () => {
  it("rounds and keeps within what the server accepts", () => {
    expect(clampTimeSpent(1234.6)).toBe(1235);
    expect(clampTimeSpent(-5)).toBe(0);
    expect(clampTimeSpent(3 * 86_400_000)).toBe(86_400_000);
  });
});
