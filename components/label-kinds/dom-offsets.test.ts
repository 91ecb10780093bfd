import { describe, expect, it } from "vitest";
import type { TNodeLike } from "./dom-offsets";
import { collectSegments, domPointToOffset, offsetToDomPoint } from "./dom-offsets";

type TFake = TNodeLike & { childNodes: TFake[] };

function link(node: TFake, children: TFake[]): TFake {
  node.childNodes = children;
  node.firstChild = children[0] ?? null;
  children.forEach((child, i) => {
    child.parentNode = node;
    child.nextSibling = children[i + 1] ?? null;
  });
  return node;
}

function el(attrs: Record<string, string>, children: TFake[] = []): TFake {
  const node: TFake = {
    nodeType: 1,
    parentNode: null,
    firstChild: null,
    nextSibling: null,
    childNodes: [],
    textContent: null,
    getAttribute: (name) => attrs[name] ?? null,
  };
  link(node, children);
  node.textContent = children.map((c) => c.textContent ?? "").join("");
  return node;
}

function txt(text: string): TFake {
  return {
    nodeType: 3,
    parentNode: null,
    firstChild: null,
    nextSibling: null,
    childNodes: [],
    textContent: text,
  };
}

/**
 * "New York City": segments "New " [0], "York" [4] wrapped in a highlight, a label tag after "York"
 * (atomic, maps to 8), then " City" [8].
 */
function build() {
  const t0 = txt("New ");
  const t1 = txt("York");
  const t2 = txt(" City");
  const tagText = txt("ORG");
  const s0 = el({ "data-offset": "0" }, [t0]);
  const s1 = el({ "data-offset": "4" }, [t1]);
  const tag = el({ "data-offset": "8", "data-atomic": "" }, [tagText]);
  const mark = el({}, [s1, tag]);
  const s2 = el({ "data-offset": "8" }, [t2]);
  const root = el({}, [s0, mark, s2]);
  return { root, t0, t1, t2, tagText, s0, s1, s2, mark, tag };
}

describe("domPointToOffset", () => {
  it("adds the offset inside a segment's text node to the segment start", () => {
    const { root, t0, t1, t2 } = build();
    expect(domPointToOffset(root, t0, 0, 13)).toBe(0);
    expect(domPointToOffset(root, t1, 2, 13)).toBe(6);
    expect(domPointToOffset(root, t2, 5, 13)).toBe(13);
  });

  it("maps any point inside an atomic decoration to its offset", () => {
    const { root, tagText, tag } = build();
    expect(domPointToOffset(root, tagText, 2, 13)).toBe(8);
    expect(domPointToOffset(root, tag, 1, 13)).toBe(8);
  });

  it("maps points between elements to the next segment, or the end of the text", () => {
    const { root, mark, s1 } = build();
    expect(domPointToOffset(root, root, 0, 13)).toBe(0);
    expect(domPointToOffset(root, root, 1, 13)).toBe(4);
    expect(domPointToOffset(root, root, 2, 13)).toBe(8);
    expect(domPointToOffset(root, root, 3, 13)).toBe(13);
    expect(domPointToOffset(root, mark, 0, 13)).toBe(4);
    expect(domPointToOffset(root, mark, 1, 13)).toBe(8);
    expect(domPointToOffset(root, s1, 1, 13)).toBe(8);
    expect(domPointToOffset(root, s1, 0, 13)).toBe(4);
  });

  it("returns null for points outside the root", () => {
    const { root } = build();
    const other = txt("elsewhere");
    expect(domPointToOffset(root, other, 0, 13)).toBeNull();
  });
});

describe("offsetToDomPoint", () => {
  it("finds the text node and the offset within it, skipping atomic decorations", () => {
    const { root, t0, t1, t2 } = build();
    const segments = collectSegments(root);
    expect(segments.map((s) => [s.start, s.length])).toEqual([
      [0, 4],
      [4, 4],
      [8, 5],
    ]);
    expect(offsetToDomPoint(segments, 0)).toEqual({ node: t0, offset: 0 });
    expect(offsetToDomPoint(segments, 3)).toEqual({ node: t0, offset: 3 });
    expect(offsetToDomPoint(segments, 4)).toEqual({ node: t1, offset: 0 });
    expect(offsetToDomPoint(segments, 8)).toEqual({ node: t2, offset: 0 });
    expect(offsetToDomPoint(segments, 13)).toEqual({ node: t2, offset: 5 });
  });

  it("round-trips every offset", () => {
    const { root } = build();
    const segments = collectSegments(root);
    for (let offset = 0; offset <= 13; offset++) {
      const point = offsetToDomPoint(segments, offset);
      expect(point).not.toBeNull();
      if (point) expect(domPointToOffset(root, point.node, point.offset, 13)).toBe(offset);
    }
  });

  it("returns null without segments", () => {
    expect(offsetToDomPoint([], 0)).toBeNull();
  });
});
