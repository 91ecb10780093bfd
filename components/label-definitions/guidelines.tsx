import type { ReactNode } from "react";
import type { TBlock, TInline } from "./markdown";
import { parseMarkdown } from "./markdown";

/*
 * react-markdown is not a dependency, so guidelines are rendered by the small parser in markdown.ts.
 * Every node becomes a React element or text (escaped by React): no HTML string is ever injected.
 */

const HEADING_CLASSES = [
  "text-base font-semibold text-slate-900",
  "text-sm font-semibold text-slate-900",
  "text-sm font-semibold text-slate-800",
];

function renderInline(nodes: readonly TInline[]): ReactNode[] {
  return nodes.map((node, index) => {
    switch (node.type) {
      case "text":
        return node.text;
      case "strong":
        return (
          <strong key={index} className="font-semibold text-slate-900">
            {renderInline(node.children)}
          </strong>
        );
      case "em":
        return <em key={index}>{renderInline(node.children)}</em>;
      case "code":
        return (
          <code
            key={index}
            className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] text-slate-800"
          >
            {node.text}
          </code>
        );
      case "link":
        return (
          <a
            key={index}
            href={node.href}
            target="_blank"
            rel="noreferrer"
            className="font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900"
          >
            {renderInline(node.children)}
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        );
    }
  });
}

function renderBlock(block: TBlock, index: number, baseHeadingLevel: number): ReactNode {
  switch (block.type) {
    case "heading": {
      // "#" maps to `baseHeadingLevel`, so guidelines never outrank the page's own headings.
      const level = Math.min(baseHeadingLevel + block.depth - 1, 6);
      const Tag = `h${level}` as "h2" | "h3" | "h4" | "h5" | "h6";
      return (
        <Tag key={index} className={HEADING_CLASSES[Math.min(block.depth, 3) - 1]}>
          {renderInline(block.children)}
        </Tag>
      );
    }
    case "paragraph":
      return <p key={index}>{renderInline(block.children)}</p>;
    case "list": {
      const items = block.items.map((item, i) => <li key={i}>{renderInline(item)}</li>);
      return block.ordered ? (
        <ol key={index} start={block.start} className="list-decimal space-y-1 pl-5">
          {items}
        </ol>
      ) : (
        <ul key={index} className="list-disc space-y-1 pl-5">
          {items}
        </ul>
      );
    }
    case "quote":
      return (
        <blockquote key={index} className="border-l-4 border-slate-300 pl-3 text-slate-700">
          {renderInline(block.children)}
        </blockquote>
      );
    case "code":
      return (
        <pre
          key={index}
          className="overflow-x-auto rounded-md bg-slate-100 p-3 font-mono text-xs text-slate-800"
        >
          <code>{block.text}</code>
        </pre>
      );
    case "rule":
      return <hr key={index} className="border-slate-200" />;
  }
}

/** Labelling guidelines (Markdown), rendered safely. Renders nothing for empty guidelines. */
export function Guidelines({
  markdown,
  baseHeadingLevel = 3,
  className = "",
}: {
  markdown: string;
  /** The heading level "#" becomes (default h3; "##" is then h4). */
  baseHeadingLevel?: 2 | 3 | 4;
  className?: string;
}) {
  const blocks = parseMarkdown(markdown);
  if (blocks.length === 0) return null;
  return (
    <div className={`space-y-3 text-sm leading-relaxed break-words text-slate-800 ${className}`}>
      {blocks.map((block, index) => renderBlock(block, index, baseHeadingLevel))}
    </div>
  );
}
