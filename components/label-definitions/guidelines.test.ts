import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MAX_GUIDELINES_LENGTH } from "@/lib/label-definitions/label-limits";
import { Guidelines } from "./guidelines";

/** The HTML a guideline renders to, without Tailwind classes and the newlines between blocks. */
function html(markdown: string, baseHeadingLevel?: 2 | 3 | 4): string {
  return renderToStaticMarkup(createElement(Guidelines, { markdown, baseHeadingLevel }))
    .replace(/ class="[^"]*"/g, "")
    .replace(/>\n</g, "><")
    .replace(/^<div>|<\/div>$/g, "");
}

describe("Guidelines blocks", () => {
  it("renders headings (from h3 down), paragraphs and lists", () => {
    const md = "# Title\n\nFirst line\nsecond line.\n\n- one\n- two\n  continued\n\n1. a\n2. b\n### Sub";
    expect(html(md)).toBe(
      "<h3>Title</h3><p>First line\nsecond line.</p>" +
        "<ul><li>one</li><li>two\ncontinued</li></ul>" +
        "<ol><li>a</li><li>b</li></ol><h5>Sub</h5>",
    );
    expect(html("# Top", 4)).toBe("<h4>Top</h4>");
    expect(html("3. c\n4. d")).toBe('<ol start="3"><li>c</li><li>d</li></ol>');
  });

  it("keeps fenced code verbatim and renders quotes and rules", () => {
    expect(html("```\n**not bold**\n<b>x</b>\n```\n> quoted\n> more\n\n---")).toBe(
      "<pre><code>**not bold**\n&lt;b&gt;x&lt;/b&gt;\n</code></pre>" +
        "<blockquote><p>quoted\nmore</p></blockquote><hr/>",
    );
  });

  it("renders nothing for empty text", () => {
    expect(renderToStaticMarkup(createElement(Guidelines, { markdown: "  \n\n" }))).toBe("");
  });

  it("renders GitHub tables, nested lists, task lists, strikethrough and images", () => {
    expect(html("| a | b |\n|---|:-:|\n| 1 | 2 |")).toBe(
      '<div><table><thead><tr><th>a</th><th style="text-align:center">b</th></tr></thead>' +
        '<tbody><tr><td>1</td><td style="text-align:center">2</td></tr></tbody></table></div>',
    );
    expect(html("- top\n  - nested\n    1. deep")).toBe(
      "<ul><li>top\n<ul><li>nested\n<ol><li>deep</li></ol></li></ul></li></ul>",
    );
    expect(html("- [x] done\n- [ ] open")).toBe(
      '<ul><li><span role="img" aria-label="done">☑</span> done</li>' +
        '<li><span role="img" aria-label="to do">☐</span> open</li></ul>',
    );
    expect(html("~~old~~ ![cat](https://example.com/cat.png)")).toBe(
      '<p><del>old</del> <img src="https://example.com/cat.png" alt="cat" loading="lazy"/></p>',
    );
  });
});

describe("Guidelines inline", () => {
  it("renders bold, italic and code", () => {
    expect(html("a **b** *c* `d*e*` __f__ _g_")).toBe(
      "<p>a <strong>b</strong> <em>c</em> <code>d*e*</code> <strong>f</strong> <em>g</em></p>",
    );
  });

  it("nests bold inside italics", () => {
    expect(html("*a **b** c*")).toBe("<p><em>a <strong>b</strong> c</em></p>");
  });

  it("leaves snake_case, lone stars and escapes alone", () => {
    expect(html("not_a_label, 2 * 3, \\*x\\*")).toBe("<p>not_a_label, 2 * 3, *x*</p>");
  });

  it("links and shows images only for http(s) URLs", () => {
    expect(html("[docs](https://example.com/a?b=1)")).toBe(
      '<p><a href="https://example.com/a?b=1" target="_blank" rel="noreferrer">docs' +
        "<span> (opens in a new tab)</span></a></p>",
    );
    expect(html("[click](javascript:alert(1))")).toBe("<p>click</p>");
    expect(html("[x](javascript:alert)")).toBe("<p>x</p>");
    expect(html("[x](data:text/html,hi)")).toBe("<p>x</p>");
    expect(html("[x](/relative)")).toBe("<p>x</p>");
    expect(html("![pic](javascript:alert(1))")).toBe("<p>pic</p>");
  });

  it("shows raw HTML as text", () => {
    expect(html("<img src=x onerror=alert(1)>")).toBe("&lt;img src=x onerror=alert(1)&gt;");
    expect(html("a <script>alert(1)</script> b")).toBe("<p>a &lt;script&gt;alert(1)&lt;/script&gt; b</p>");
  });
});

describe("Guidelines on pathological input", () => {
  it("stays fast with thousands of unmatched markers, at the longest guidelines allowed", () => {
    const src = ("*a ".repeat(5_000) + "**b ".repeat(2_500)).slice(0, MAX_GUIDELINES_LENGTH);
    html("warm up *the* parser");
    // CPU time, not wall-clock: the machines running tests are shared.
    const started = process.cpuUsage();
    const out = html(src);
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(2000);
    expect(out).toBe(`<p>${src.trimEnd()}</p>`);
  });
});
