import { memo, type ComponentProps, type ReactNode } from "react";
import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

/*
 * Guidelines are GitHub-flavoured Markdown (tables, nested and task lists, images, strikethrough),
 * parsed by remark and rendered as React elements: raw HTML is shown as text, never injected, and
 * links and images keep only http(s) URLs. Works in server and client components alike.
 */

const HEADING_CLASSES = [
  "text-base font-semibold text-slate-900",
  "text-sm font-semibold text-slate-900",
  "text-sm font-semibold text-slate-800",
];
const SAFE_URL = /^https?:\/\/[^\s<>"]+$/i;

/** Only absolute http(s) URLs survive; anything else (javascript:, data:, relative) is dropped. */
export function safeUrl(url: string): string | null {
  return SAFE_URL.test(url) ? url : null;
}

type THeadingTag = "h2" | "h3" | "h4" | "h5" | "h6";

function componentsFor(baseHeadingLevel: number): Components {
  // "#" maps to `baseHeadingLevel`, so guidelines never outrank the page's own headings.
  const heading = (depth: number) =>
    function Heading({ children }: { children?: ReactNode }) {
      const Tag = `h${Math.min(baseHeadingLevel + depth - 1, 6)}` as THeadingTag;
      return <Tag className={HEADING_CLASSES[Math.min(depth, 3) - 1]}>{children}</Tag>;
    };
  return {
    h1: heading(1),
    h2: heading(2),
    h3: heading(3),
    h4: heading(4),
    h5: heading(5),
    h6: heading(6),
    strong: ({ children }) => <strong className="font-semibold text-slate-900">{children}</strong>,
    ul: ({ children, className }) => (
      <ul className={className ? "space-y-1 pl-1" : "list-disc space-y-1 pl-5"}>{children}</ul>
    ),
    ol: ({ children, start }) => (
      <ol start={start} className="list-decimal space-y-1 pl-5">
        {children}
      </ol>
    ),
    blockquote: ({ children }) => (
      <blockquote className="space-y-2 border-l-4 border-slate-300 pl-3 text-slate-700">
        {children}
      </blockquote>
    ),
    pre: ({ children }) => (
      <pre className="overflow-x-auto rounded-md bg-slate-100 p-3 font-mono text-xs text-slate-800">
        {children}
      </pre>
    ),
    code: ({ children, className }) =>
      // A fenced block's code carries its language class (or sits in <pre>, styled there).
      className ? (
        <code>{children}</code>
      ) : (
        <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] text-slate-800">
          {children}
        </code>
      ),
    hr: () => <hr className="border-slate-200" />,
    a: ({ href, children }) =>
      href ? (
        <a
          href={href}
          target="_blank"
          rel="noreferrer"
          className="font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900"
        >
          {children}
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
      ) : (
        <>{children}</>
      ),
    img: ({ src, alt }) =>
      typeof src === "string" && src ? (
        // Guidelines link images from anywhere, of unknown size: next/image needs known hosts.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={src} alt={alt ?? ""} loading="lazy" className="my-1 inline-block h-auto max-w-full" />
      ) : (
        <>{alt}</>
      ),
    table: ({ children }) => (
      <div className="overflow-x-auto">
        <table className="min-w-full border-collapse text-left text-sm">{children}</table>
      </div>
    ),
    th: ({ children, style }) => (
      <th style={style} className="border border-slate-300 bg-slate-50 px-2 py-1 font-semibold">
        {children}
      </th>
    ),
    td: ({ children, style }) => (
      <td style={style} className="border border-slate-300 px-2 py-1 align-top">
        {children}
      </td>
    ),
    input: ({ checked }: ComponentProps<"input">) => (
      // A task list's box: shown, not a form control nobody can use.
      <span className="mr-1" role="img" aria-label={checked ? "done" : "to do"}>
        {checked ? "☑" : "☐"}
      </span>
    ),
  };
}

const COMPONENTS = { 2: componentsFor(2), 3: componentsFor(3), 4: componentsFor(4) };

/**
 * Labelling guidelines (Markdown), rendered safely. Renders nothing for empty guidelines. Memoized:
 * parsing 50,000 characters takes a noticeable moment, and the workspace re-renders per item.
 */
export const Guidelines = memo(function Guidelines({
  markdown,
  baseHeadingLevel = 3,
  className = "",
}: {
  markdown: string;
  /** The heading level "#" becomes (default h3; "##" is then h4). */
  baseHeadingLevel?: 2 | 3 | 4;
  className?: string;
}) {
  if (markdown.trim() === "") return null;
  return (
    <div className={`space-y-3 text-sm leading-relaxed break-words text-slate-800 ${className}`}>
      <Markdown remarkPlugins={[remarkGfm]} urlTransform={safeUrl} components={COMPONENTS[baseHeadingLevel]}>
        {markdown}
      </Markdown>
    </div>
  );
});
