import { describe, expect, it } from "vitest";
import { parseInline, parseMarkdown } from "./markdown";

describe("parseMarkdown", () => {
  it("parses headings, paragraphs and lists", () => {
    const md = "# Title\n\nFirst line\nsecond line.\n\n- one\n- two\n  continued\n\n1. a\n2. b\n### Sub";
    expect(parseMarkdown(md)).toEqual([
      { type: "heading", depth: 1, children: [{ type: "text", text: "Title" }] },
      { type: "paragraph", children: [{ type: "text", text: "First line second line." }] },
      {
        type: "list",
        ordered: false,
        start: 1,
        items: [[{ type: "text", text: "one" }], [{ type: "text", text: "two continued" }]],
      },
      {
        type: "list",
        ordered: true,
        start: 1,
        items: [[{ type: "text", text: "a" }], [{ type: "text", text: "b" }]],
      },
      { type: "heading", depth: 3, children: [{ type: "text", text: "Sub" }] },
    ]);
  });

  it("keeps fenced code verbatim and parses quotes and rules", () => {
    expect(parseMarkdown("```\n**not bold**\n<b>x</b>\n```\n> quoted\n> more\n\n---")).toEqual([
      { type: "code", text: "**not bold**\n<b>x</b>" },
      { type: "quote", children: [{ type: "text", text: "quoted more" }] },
      { type: "rule" },
    ]);
  });

  it("returns nothing for empty text", () => {
    expect(parseMarkdown("  \n\n")).toEqual([]);
  });
});

describe("parseInline", () => {
  it("parses bold, italic and code", () => {
    expect(parseInline("a **b** *c* `d*e*` __f__ _g_")).toEqual([
      { type: "text", text: "a " },
      { type: "strong", children: [{ type: "text", text: "b" }] },
      { type: "text", text: " " },
      { type: "em", children: [{ type: "text", text: "c" }] },
      { type: "text", text: " " },
      { type: "code", text: "d*e*" },
      { type: "text", text: " " },
      { type: "strong", children: [{ type: "text", text: "f" }] },
      { type: "text", text: " " },
      { type: "em", children: [{ type: "text", text: "g" }] },
    ]);
  });

  it("nests bold inside italics", () => {
    expect(parseInline("*a **b** c*")).toEqual([
      {
        type: "em",
        children: [
          { type: "text", text: "a " },
          { type: "strong", children: [{ type: "text", text: "b" }] },
          { type: "text", text: " c" },
        ],
      },
    ]);
  });

  it("leaves snake_case, lone stars and escapes alone", () => {
    expect(parseInline("not_a_label, 2 * 3, \\*x\\*")).toEqual([
      { type: "text", text: "not_a_label, 2 * 3, *x*" },
    ]);
  });

  it("links only http(s) URLs", () => {
    expect(parseInline("[docs](https://example.com/a?b=1)")).toEqual([
      { type: "link", href: "https://example.com/a?b=1", children: [{ type: "text", text: "docs" }] },
    ]);
    expect(parseInline("[click](javascript:alert(1))")).toEqual([
      { type: "text", text: "[click](javascript:alert(1))" },
    ]);
    expect(parseInline("[x](javascript:alert)")).toEqual([{ type: "text", text: "x" }]);
    expect(parseInline("[x](data:text/html,hi)")).toEqual([{ type: "text", text: "x" }]);
  });

  it("keeps raw HTML as text", () => {
    expect(parseInline("<img src=x onerror=alert(1)>")).toEqual([
      { type: "text", text: "<img src=x onerror=alert(1)>" },
    ]);
  });
});

describe("parseInline on pathological input", () => {
  it("stays fast with thousands of unmatched markers", () => {
    const src = "*a ".repeat(20_000) + "**b ".repeat(10_000);
    const started = performance.now();
    const out = parseInline(src);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(out.map((n) => (n.type === "text" ? n.text : "")).join("")).toBe(src);
  });
});
