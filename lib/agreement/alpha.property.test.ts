import fc from "fast-check";
import { describe, it } from "vitest";
import { alphaFromItemValueCounts, krippendorffAlpha } from "./krippendorff";
import type { AlphaLevel, Rating } from "./types";

const LEVELS: AlphaLevel[] = ["nominal", "ordinal", "interval", "ratio"];

/** Textbook alpha: dense coincidence matrix and Krippendorff's delta definitions, no shortcuts. */
function referenceAlpha(m: Rating[][], level: AlphaLevel): number | null {
  const units = m.map((row) => row.filter((v): v is number => v !== null)).filter((u) => u.length >= 2);
  const values = [...new Set(units.flat())].sort((a, b) => a - b);
  const V = values.length;
  const o = values.map(() => new Array<number>(V).fill(0));
  for (const u of units) {
    for (let i = 0; i < u.length; i++) {
      for (let j = 0; j < u.length; j++) {
        if (i !== j) o[values.indexOf(u[i])][values.indexOf(u[j])] += 1 / (u.length - 1);
      }
    }
  }
  const nc = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = nc.reduce((s, x) => s + x, 0);
  const delta = (c: number, k: number): number => {
    if (c === k) return 0;
    const [x, y] = [values[c], values[k]];
    if (level === "nominal") return 1;
    if (level === "interval") return (x - y) ** 2;
    if (level === "ratio") return ((x - y) / (x + y)) ** 2;
    const [lo, hi] = c < k ? [c, k] : [k, c];
    let s = 0;
    for (let g = lo; g <= hi; g++) s += nc[g];
    return (s - (nc[c] + nc[k]) / 2) ** 2;
  };
  let obs = 0;
  let exp = 0;
  for (let c = 0; c < V; c++) {
    for (let k = 0; k < V; k++) {
      obs += o[c][k] * delta(c, k);
      exp += nc[c] * nc[k] * delta(c, k);
    }
  }
  if (exp < 1e-12) return null;
  return 1 - ((n - 1) * obs) / exp;
}

/** A reliability matrix with 1-12 items, 2-5 raters, values 0..maxValue, about 30% missing. */
const matrixArb = (maxValue = 4) =>
  fc.integer({ min: 2, max: 5 }).chain((raters) =>
    fc.array(
      fc.array(fc.option(fc.integer({ min: 0, max: maxValue }), { nil: null, freq: 3 }), {
        minLength: raters,
        maxLength: raters,
      }),
      { minLength: 1, maxLength: 12 },
    ),
  );

const close = (a: number | null, b: number | null): boolean =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

describe("krippendorffAlpha properties", () => {
  it("equals the textbook definition at every level", () => {
    fc.assert(
      fc.property(matrixArb(6), (m) =>
        LEVELS.every((level) => close(krippendorffAlpha(m, level), referenceAlpha(m, level))),
      ),
    );
  });

  it("is at most 1", () => {
    fc.assert(
      fc.property(matrixArb(), (m) =>
        LEVELS.every((level) => (krippendorffAlpha(m, level) ?? 0) <= 1 + 1e-12),
      ),
    );
  });

  it("is 1 for perfect agreement whenever there is variation", () => {
    const perfect = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 2, max: 5 })), {
        minLength: 2,
        maxLength: 10,
      })
      .filter((items) => new Set(items.map(([v]) => v)).size >= 2);
    fc.assert(
      fc.property(perfect, (items) => {
        const m: Rating[][] = items.map(([v, k]) => [...new Array<Rating>(k).fill(v), null]);
        return LEVELS.every((level) => krippendorffAlpha(m, level) === 1);
      }),
    );
  });

  it("does not change when raters (columns) or items (rows) are permuted", () => {
    fc.assert(
      fc.property(matrixArb(), fc.integer(), (m, seed) => {
        const cols = m[0]
          .map((_, i) => i)
          .sort((a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13));
        const permuted = [...m].reverse().map((row) => cols.map((c) => row[c]));
        return LEVELS.every((level) =>
          close(krippendorffAlpha(m, level), krippendorffAlpha(permuted, level)),
        );
      }),
    );
  });

  it("nominal: invariant under any relabelling; ordinal: under any increasing relabelling", () => {
    fc.assert(
      fc.property(matrixArb(), (m) => {
        const renamed = m.map((row) => row.map((v) => (v === null ? null : `label-${(v * 3) % 5}`)));
        const increasing = m.map((row) => row.map((v) => (v === null ? null : String.fromCharCode(97 + v))));
        const squared = m.map((row) => row.map((v) => (v === null ? null : (v as number) ** 2)));
        return (
          close(krippendorffAlpha(m, "nominal"), krippendorffAlpha(renamed, "nominal")) &&
          close(krippendorffAlpha(m, "ordinal"), krippendorffAlpha(increasing, "ordinal")) &&
          close(krippendorffAlpha(m, "ordinal"), krippendorffAlpha(squared, "ordinal"))
        );
      }),
    );
  });

  it("interval: invariant under affine maps; ratio: under scaling", () => {
    fc.assert(
      fc.property(matrixArb(), (m) => {
        const affine = m.map((row) => row.map((v) => (v === null ? null : -2.5 * (v as number) + 10)));
        const scaled = m.map((row) => row.map((v) => (v === null ? null : 3 * (v as number))));
        return (
          close(krippendorffAlpha(m, "interval"), krippendorffAlpha(affine, "interval")) &&
          close(krippendorffAlpha(m, "ratio"), krippendorffAlpha(scaled, "ratio"))
        );
      }),
    );
  });

  it("matrix API equals the aggregated-counts API (shuffled value list, split and zero counts)", () => {
    fc.assert(
      fc.property(matrixArb(), fc.boolean(), (m, split) => {
        const values = [7, 4, 0, 2, 1, 3, 99]; // 99 never occurs
        const items: number[] = [];
        const idx: number[] = [];
        const counts: number[] = [];
        m.forEach((row, r) => {
          const tally = new Map<number, number>();
          for (const v of row) if (v !== null) tally.set(v as number, (tally.get(v as number) ?? 0) + 1);
          for (const [v, c] of tally) {
            const parts = split && c > 1 ? [1, c - 1] : [c];
            for (const part of [...parts, 0]) {
              items.push(1000 + 3 * r);
              idx.push(values.indexOf(v));
              counts.push(part);
            }
          }
        });
        return LEVELS.every((level) =>
          close(
            krippendorffAlpha(m, level),
            alphaFromItemValueCounts(
              Uint32Array.from(items),
              Int32Array.from(idx),
              Int32Array.from(counts),
              values,
              level,
            ),
          ),
        );
      }),
    );
  });
});
