import { Fragment, memo } from "react";
import type { TSpan } from "@/lib/label-definitions/value-schema";
import type { TLabelColor } from "./label-colors";
import type { TTextSegment } from "./segment-text";

/** Height of one underline lane, in px: a 2px line and a 1px gap. */
export const LANE_PX = 3;

type TSpanTextProps = {
  segments: readonly TTextSegment[];
  spans: readonly TSpan[];
  lanes: readonly number[];
  laneCount: number;
  titleOf: (label: string) => string;
  colorOf: (label: string) => TLabelColor;
};

/**
 * The text with its spans: one element per segment (`data-offset`, one text node; see dom-offsets),
 * each span drawn as a translucent tint plus an underline in its own lane, so overlapping spans of
 * different labels stay distinguishable. A small tag with the label's name follows each span's end
 * (colour is never the only cue); tags are `data-atomic`, unselectable and hidden from screen readers,
 * which get the list of spans below the text instead.
 */
export const SpanText = memo(function SpanText({
  segments,
  spans,
  lanes,
  laneCount,
  titleOf,
  colorOf,
}: TSpanTextProps) {
  return segments.map((segment) => {
    const covering = segment.cover.map((index) => ({ index, span: spans[index] }));
    const ending = covering.filter(({ span }) => span.end === segment.end);
    return (
      <Fragment key={segment.start}>
        <span
          data-offset={segment.start}
          data-cover={covering.length > 0 ? segment.cover.join(" ") : undefined}
          title={covering.length > 0 ? covering.map(({ span }) => titleOf(span.label)).join(", ") : undefined}
          className={covering.length > 0 ? "cursor-pointer rounded-sm box-decoration-clone" : undefined}
          style={covering.length > 0 ? highlightStyle(covering, lanes, laneCount, colorOf) : undefined}
        >
          {segment.text}
        </span>
        {ending.map(({ index, span }) => (
          <span
            key={`tag-${index}`}
            data-offset={span.end}
            data-atomic=""
            data-span={index}
            aria-hidden="true"
            className="mx-0.5 inline-block cursor-pointer rounded border bg-white px-1 align-[0.2em] text-[0.65rem] leading-4 font-semibold whitespace-nowrap text-slate-800 select-none"
            style={{ borderColor: colorOf(span.label).line }}
          >
            {titleOf(span.label)}
          </span>
        ))}
      </Fragment>
    );
  });
});

function highlightStyle(
  covering: { index: number; span: TSpan }[],
  lanes: readonly number[],
  laneCount: number,
  colorOf: (label: string) => TLabelColor,
) {
  const images: string[] = [];
  const sizes: string[] = [];
  const positions: string[] = [];
  for (const { index, span } of covering) {
    const { line } = colorOf(span.label);
    images.push(`linear-gradient(${line}, ${line})`);
    sizes.push("100% 2px");
    positions.push(`0 calc(100% - ${lanes[index] * LANE_PX}px)`);
  }
  for (const { span } of covering) {
    const { tint } = colorOf(span.label);
    images.push(`linear-gradient(${tint}, ${tint})`);
    sizes.push(`100% calc(100% - ${laneCount * LANE_PX}px)`);
    positions.push("0 0");
  }
  return {
    backgroundImage: images.join(", "),
    backgroundSize: sizes.join(", "),
    backgroundPosition: positions.join(", "),
    backgroundRepeat: "no-repeat",
    // Every highlighted segment gets room for all lanes, so a lane sits at the same height everywhere.
    paddingBottom: `${laneCount * LANE_PX}px`,
  };
}
