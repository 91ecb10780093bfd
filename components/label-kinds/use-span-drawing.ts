import { useMemo } from "react";
import type { TLabelOptionSpec } from "@/lib/label-definitions/definition-spec";
import type { TSpan } from "@/lib/label-definitions/value-schema";
import { labelColorMap } from "./label-colors";
import { assignLanes, segmentText } from "./segment-text";

/** What SpanText needs to draw `spans` on `text`: the segments, each span's lane, label titles and colours. */
export function useSpanDrawing(
  text: string | null,
  spans: readonly TSpan[],
  options: readonly TLabelOptionSpec[],
) {
  const segments = useMemo(() => (text === null ? [] : segmentText(text, spans)), [text, spans]);
  const lanes = useMemo(() => assignLanes(spans), [spans]);
  const laneCount = lanes.length === 0 ? 0 : Math.max(...lanes) + 1;
  const { titleOf, colorOf } = useMemo(() => {
    const titles = new Map(options.map((o) => [o.key, o.title]));
    return {
      titleOf: (label: string) => titles.get(label) ?? label,
      colorOf: labelColorMap(options.map((o) => o.key)),
    };
  }, [options]);
  return { segments, lanes, laneCount, titleOf, colorOf };
}
