import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { annotatorReport, MATRIX_SIZE, type TPairCounts } from "./annotator-report";
import { cohensKappa } from "./cohen";
import type { Rating } from "./types";

const values = ["neg", "neu", "pos"];

/** Pair counts of a reliability matrix, as the SQL self-join returns them (annotator a < b). */
function pairsOf(m: Rating[][]): TPairCounts[] {
  const counts = new Map<string, TPairCounts>();
  for (const row of m)
    row.forEach((x, a) =>
      row.forEach((y, b) => {
        if (x === null || y === null || b <= a) return;
        const key = `${a}|${b}|${x}|${y}`;
        const c = counts.get(key) ?? {
          a: `u${a}`,
          b: `u${b}`,
          va: values.indexOf(x as string),
          vb: values.indexOf(y as string),
          items: 0,
        };
        c.items++;
        counts.set(key, c);
      }),
    );
  return [...counts.values()];
}

const matrixArb = fc.array(
  fc.array(fc.option(fc.constantFrom(...values), { nil: null }), { minLength: 4, maxLength: 4 }),
  {
    minLength: 1,
    maxLength: 30,
  },
);

describe("annotatorReport", () => {
  it("gives each pair and each annotator against the others the kappa of cohensKappa", () => {
    fc.assert(
      fc.property(matrixArb, (m) => {
        const users = [0, 1, 2, 3].map((a) => ({
          user: `u${a}`,
          labels: m.filter((r) => r[a] !== null).length,
          shared: 0,
        }));
        const report = annotatorReport(pairsOf(m), users, values, {
          withKappa: true,
          display: (user) => ({ id: user, name: user }),
        });
        for (const cell of report.matrix.cells) {
          const [a, b] = [Number(cell.a.slice(1)), Number(cell.b.slice(1))];
          const shared = m.filter((r) => r[a] !== null && r[b] !== null);
          expect(cell.items).toBe(shared.length);
          const k = cohensKappa(
            shared.map((r) => r[a]),
            shared.map((r) => r[b]),
          );
          if (k === null) expect(cell.kappa).toBeNull();
          else expect(cell.kappa).toBeCloseTo(k, 12);
        }
        for (const annotator of report.annotators) {
          const a = Number(annotator.id.slice(1));
          const mine: Rating[] = [];
          const theirs: Rating[] = [];
          for (const r of m)
            if (r[a] !== null)
              r.forEach((v, b) => {
                if (b !== a && v !== null) {
                  mine.push(r[a]);
                  theirs.push(v);
                }
              });
          const k = mine.length ? cohensKappa(mine, theirs) : null;
          if (k === null) expect(annotator.kappa).toBeNull();
          else expect(annotator.kappa).toBeCloseTo(k, 12);
        }
      }),
    );
  });

  it("orders annotators by labels, names them through display, and keeps the matrix to the most active", () => {
    const users = Array.from({ length: 15 }, (_, i) => ({ user: `u${i}`, labels: 100 - i, shared: 5 }));
    const pairs = users.slice(1).map((u) => ({ a: "u0", b: u.user, va: 0, vb: 0, items: 3 }));
    const report = annotatorReport(pairs, users, values, {
      withKappa: false,
      display: (_, rank) => ({ id: `a${rank}`, name: `Annotator ${rank}` }),
    });
    expect(report.annotators[0]).toMatchObject({
      id: "a1",
      name: "Annotator 1",
      labels: 100,
      agreement: 1,
      kappa: null,
    });
    expect(report.matrix.annotators).toHaveLength(MATRIX_SIZE);
    expect(report.matrix.cells).toHaveLength(MATRIX_SIZE - 1);
    expect(report.shown.get("u14")).toEqual({ id: "a15", name: "Annotator 15" });
  });
});
