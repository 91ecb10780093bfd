import { describe, expect, it } from "vitest";
import { excerptWindow, segmentsOf } from "./span-excerpt";

describe("segmentsOf", () => {
  it("cuts the text where marks start and end and names the labels over each run", () => {
    const text = "you are a stupid idiot, really";
    const spans = [
      { start: 10, end: 22, title: "Insult" },
      { start: 17, end: 22, title: "Threat" },
    ];
    expect(segmentsOf(text, spans, 0, text.length)).toEqual([
      { text: "you are a ", titles: [] },
      { text: "stupid ", titles: ["Insult"] },
      { text: "idiot", titles: ["Insult", "Threat"] },
      { text: ", really", titles: [] },
    ]);
  });

  it("gives the plain text when nothing is marked", () => {
    expect(segmentsOf("clean", [], 0, 5)).toEqual([{ text: "clean", titles: [] }]);
  });
});

describe("excerptWindow", () => {
  it("shows a short text whole", () => {
    expect(excerptWindow("short text", [{ start: 0, end: 5, title: "x" }])).toEqual({ from: 0, to: 10 });
  });

  it("shows a long text around the marks, cut at spaces", () => {
    const text = `${"word ".repeat(100)}idiot ${"word ".repeat(100)}`;
    const at = text.indexOf("idiot");
    const { from, to } = excerptWindow(text, [{ start: at, end: at + 5, title: "Insult" }]);
    expect(from).toBeGreaterThan(0);
    expect(from).toBeLessThanOrEqual(at - 70);
    expect(text[from - 1]).toBe(" ");
    expect(to).toBeGreaterThanOrEqual(at + 5 + 70);
    expect(to).toBeLessThan(text.length);
  });
});
