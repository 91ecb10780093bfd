/**
 * Colours for span labels, by option index (wrapping around). `line` is for underlines and swatches,
 * `tint` a translucent background that stays light even when three spans overlap, so slate-900
 * text on it keeps its contrast. Colour is never the only cue: label names are always shown too.
 */
export type TLabelColor = { line: string; tint: string };

export const LABEL_COLORS: readonly TLabelColor[] = [
  { line: "#4f46e5", tint: "rgba(79, 70, 229, 0.14)" },
  { line: "#d97706", tint: "rgba(217, 119, 6, 0.16)" },
  { line: "#059669", tint: "rgba(5, 150, 105, 0.14)" },
  { line: "#e11d48", tint: "rgba(225, 29, 72, 0.12)" },
  { line: "#0284c7", tint: "rgba(2, 132, 199, 0.14)" },
  { line: "#7c3aed", tint: "rgba(124, 58, 237, 0.13)" },
  { line: "#4d7c0f", tint: "rgba(77, 124, 15, 0.15)" },
  { line: "#c026d3", tint: "rgba(192, 38, 211, 0.12)" },
  { line: "#0f766e", tint: "rgba(15, 118, 110, 0.14)" },
  { line: "#c2410c", tint: "rgba(194, 65, 12, 0.13)" },
];

const UNKNOWN_LABEL: TLabelColor = { line: "#475569", tint: "rgba(71, 85, 105, 0.14)" };

/** The colour of each option key, by its position among the options. */
export function labelColorMap(optionKeys: readonly string[]): (key: string) => TLabelColor {
  const byKey = new Map(optionKeys.map((key, index) => [key, LABEL_COLORS[index % LABEL_COLORS.length]]));
  return (key) => byKey.get(key) ?? UNKNOWN_LABEL;
}
