/**
 * Whether a set of items passes an eval set's release gate, per label definition: Krippendorff's
 * alpha over the items' annotations, the lower end of its 95% bootstrap interval, and the fewest
 * annotations any item has. Accumulates item by item during a freeze.
 */
import { bootstrapAlpha } from "@/lib/agreement/bootstrap";
import type { AlphaLevel, Rating } from "@/lib/agreement/types";
import type { TExportAnnotation } from "@/lib/export/export-row";
import { canonicalJson } from "@/lib/label-definitions/canonical-json";
import type { TLabelKind } from "@/lib/label-definitions/label-limits";
import type { TReleaseGate } from "./gate-schema";

export type TGateFailure = {
  definition: string;
  measure: "alpha" | "ciLow" | "annotations";
  value: number | null;
  minimum: number;
  message: string;
};
export type TGateFigures = {
  alpha: number | null;
  ciLow: number | null;
  items: number;
  fewestAnnotations: number;
};
export type TGateResult = { figures: Record<string, TGateFigures>; failures: TGateFailure[] };

// Levels as the agreement page reads them: ratings are ordered, everything else is a category.
// Free text and spans have no alpha of this kind: only the annotation count is gated for them.
const LEVEL: Partial<Record<TLabelKind, AlphaLevel>> = {
  single_choice: "nominal",
  pairwise: "nominal",
  multi_choice: "nominal",
  rating: "ordinal",
};

const round = (x: number) => Math.round(x * 1000) / 1000;

function rating(kind: TLabelKind, value: unknown): Rating {
  if (value === null || value === undefined) return null;
  if (kind === "rating") return typeof value === "number" ? value : null;
  if (kind === "multi_choice" && Array.isArray(value)) return canonicalJson([...value].map(String).sort());
  return typeof value === "string" ? value : canonicalJson(value);
}

export class GateTally {
  private readonly rows = new Map<string, Rating[][]>();
  private readonly counts = new Map<string, number[]>();

  constructor(private readonly definitions: readonly { key: string; kind: TLabelKind }[]) {
    for (const d of definitions) {
      this.rows.set(d.key, []);
      this.counts.set(d.key, []);
    }
  }

  add(annotations: readonly TExportAnnotation[]): void {
    for (const d of this.definitions) {
      const row = annotations.map((a) => rating(d.kind, a.values[d.key]));
      this.counts.get(d.key)!.push(row.filter((r) => r !== null).length);
      if (LEVEL[d.kind]) this.rows.get(d.key)!.push(row);
    }
  }

  evaluate(gate: TReleaseGate): TGateResult {
    const figures: Record<string, TGateFigures> = {};
    const failures: TGateFailure[] = [];
    const fail = (f: Omit<TGateFailure, "message">, message: string) => failures.push({ ...f, message });
    for (const d of this.definitions) {
      const counts = this.counts.get(d.key)!;
      const level = LEVEL[d.kind];
      const needsAlpha = level && (gate.minAlpha !== undefined || gate.minCiLow !== undefined);
      const result = needsAlpha ? bootstrapAlpha(this.rows.get(d.key)!, level) : null;
      const alpha = result?.value ?? null;
      const ciLow = result?.ci?.[0] ?? null;
      const fewest = counts.length ? Math.min(...counts) : 0;
      figures[d.key] = { alpha, ciLow, items: counts.length, fewestAnnotations: fewest };
      const base = { definition: d.key };
      if (level && gate.minAlpha !== undefined) {
        if (alpha === null) {
          fail(
            { ...base, measure: "alpha", value: null, minimum: gate.minAlpha },
            `alpha is undefined on these items (no item with two annotations, or no variation): the gate asks for ${gate.minAlpha}`,
          );
        } else if (alpha < gate.minAlpha) {
          fail(
            { ...base, measure: "alpha", value: round(alpha), minimum: gate.minAlpha },
            `alpha ${round(alpha)} is below the gate's ${gate.minAlpha} by ${round(gate.minAlpha - alpha)}`,
          );
        }
      }
      if (level && gate.minCiLow !== undefined) {
        if (ciLow === null) {
          fail(
            { ...base, measure: "ciLow", value: null, minimum: gate.minCiLow },
            `alpha's interval is undefined on these items: the gate asks its lower bound to be at least ${gate.minCiLow}`,
          );
        } else if (ciLow < gate.minCiLow) {
          fail(
            { ...base, measure: "ciLow", value: round(ciLow), minimum: gate.minCiLow },
            `the lower bound of alpha's 95% interval, ${round(ciLow)}, is below the gate's ${gate.minCiLow} by ${round(gate.minCiLow - ciLow)}`,
          );
        }
      }
      if (gate.minAnnotations !== undefined) {
        const short = counts.filter((n) => n < gate.minAnnotations!).length;
        if (short > 0) {
          fail(
            { ...base, measure: "annotations", value: fewest, minimum: gate.minAnnotations },
            `${short} of ${counts.length} items have fewer than ${gate.minAnnotations} annotations (the fewest: ${fewest})`,
          );
        }
      }
    }
    return { figures, failures };
  }
}
