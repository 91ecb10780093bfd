/**
 * Maps between DOM points (node, offset) and offsets into the annotated text.
 *
 * The text is rendered as segments: elements carrying `data-offset` (the segment's start in the text)
 * whose only child is one text node holding exactly that slice of the text. Anything else inside
 * the root (decorations, label tags) either has no `data-offset` and no text, or is marked
 * `data-atomic` so that any point inside it maps to its `data-offset`. Written against a minimal
 * structural node type so it can be unit tested without a browser DOM.
 */
export type TNodeLike = {
  nodeType: number;
  parentNode: TNodeLike | null;
  firstChild: TNodeLike | null;
  nextSibling: TNodeLike | null;
  childNodes: ArrayLike<TNodeLike>;
  textContent: string | null;
  getAttribute?: (name: string) => string | null;
};

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export type TSegmentElement = { node: TNodeLike; start: number; length: number };

function offsetAttr(node: TNodeLike): number | null {
  if (node.nodeType !== ELEMENT_NODE || !node.getAttribute) return null;
  const raw = node.getAttribute("data-offset");
  if (raw === null) return null;
  const n = Number(raw);
  return Number.isInteger(n) ? n : null;
}

function isAtomic(node: TNodeLike): boolean {
  return node.getAttribute?.("data-atomic") != null;
}

/** The nearest element with `data-offset` at or above `node`, stopping before `root`. */
function segmentOf(root: TNodeLike, node: TNodeLike): TNodeLike | null {
  for (let at: TNodeLike | null = node; at !== null && at !== root; at = at.parentNode) {
    if (offsetAttr(at) !== null) return at;
  }
  return null;
}

function isInside(root: TNodeLike, node: TNodeLike): boolean {
  for (let at: TNodeLike | null = node; at !== null; at = at.parentNode) {
    if (at === root) return true;
  }
  return false;
}

/** The next node after `node` in document order, skipping `node`'s own subtree when `skipChildren`. */
function nextInOrder(root: TNodeLike, node: TNodeLike, skipChildren: boolean): TNodeLike | null {
  if (!skipChildren && node.firstChild) return node.firstChild;
  for (let at: TNodeLike | null = node; at !== null && at !== root; at = at.parentNode) {
    if (at.nextSibling) return at.nextSibling;
  }
  return null;
}

/** The start of the first segment at or after `from` in document order, or `textLength` if none. */
function offsetOfNextSegment(root: TNodeLike, from: TNodeLike | null, textLength: number): number {
  for (let at = from; at !== null; at = nextInOrder(root, at, false)) {
    const offset = offsetAttr(at);
    if (offset !== null) return offset;
  }
  return textLength;
}

/**
 * The text offset of a DOM point, e.g. a Selection's anchor or focus. Null when the point is outside
 * `root`. `textLength` is returned for points after the last segment.
 */
export function domPointToOffset(
  root: TNodeLike,
  node: TNodeLike,
  nodeOffset: number,
  textLength: number,
): number | null {
  if (!isInside(root, node)) return null;
  const segment = segmentOf(root, node);
  if (segment !== null) {
    const start = offsetAttr(segment) ?? 0;
    if (isAtomic(segment)) return start;
    if (node.nodeType === TEXT_NODE) return start + nodeOffset;
    if (node === segment) {
      // A point between the segment's children: count the text before it.
      let before = 0;
      for (let i = 0; i < nodeOffset && i < node.childNodes.length; i++) {
        before += node.childNodes[i].textContent?.length ?? 0;
      }
      return start + before;
    }
    return start;
  }
  if (node.nodeType === TEXT_NODE) {
    return offsetOfNextSegment(root, nodeOffset === 0 ? node : nextInOrder(root, node, true), textLength);
  }
  const child = node.childNodes[nodeOffset] ?? null;
  return offsetOfNextSegment(root, child ?? nextInOrder(root, node, true), textLength);
}

/** All non-atomic segments under `root`, in document order. */
export function collectSegments(root: TNodeLike): TSegmentElement[] {
  const out: TSegmentElement[] = [];
  for (let at = root.firstChild; at !== null;) {
    const start = offsetAttr(at);
    if (start !== null) {
      if (!isAtomic(at)) out.push({ node: at, start, length: at.textContent?.length ?? 0 });
      at = nextInOrder(root, at, true);
    } else {
      at = nextInOrder(root, at, false);
    }
  }
  return out;
}

/**
 * The DOM point for a text offset: inside the text node of the segment containing it (an offset at
 * a boundary goes to the start of the later segment, and the text's end to the end of the last one).
 * Null when there are no segments.
 */
export function offsetToDomPoint(
  segments: readonly TSegmentElement[],
  offset: number,
): { node: TNodeLike; offset: number } | null {
  if (segments.length === 0) return null;
  // Binary search for the last segment starting at or before `offset`.
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const segment = segments[lo];
  const within = Math.min(Math.max(offset - segment.start, 0), segment.length);
  const text = segment.node.firstChild;
  return text !== null && text.nodeType === TEXT_NODE
    ? { node: text, offset: within }
    : { node: segment.node, offset: 0 };
}
