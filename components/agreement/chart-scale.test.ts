import { describe, expect, it } from "vitest";
import { scale, tickIndices, trendDomain, valueDomain } from "./chart-scale";

describe("chart scales", () => {
  it("show 0..1 unless an interval reaches beyond", () => {
    expect(valueDomain([0.4, 0.9, null])).toEqual([0, 1]);
    expect(valueDomain([-0.13, 0.5])).toEqual([-0.2, 1]);
  });

  it("zoom trends in on the values, keeping the thresholds in view", () => {
    expect(trendDomain([0.66, 0.7, 0.62])).toEqual([0.5, 1]);
    expect(trendDomain([0.95, 0.9])).toEqual([0.6, 1]);
    expect(trendDomain([0.1, 0.3])).toEqual([0, 1]);
    expect(trendDomain([null])).toEqual([0, 1]);
  });

  it("map values linearly, upside down for SVG y", () => {
    const y = scale([0, 1], [100, 0]);
    expect(y(0)).toBe(100);
    expect(y(0.8)).toBeCloseTo(20);
  });

  it("pick spread-out ticks including both ends", () => {
    expect(tickIndices(3, 6)).toEqual([0, 1, 2]);
    const ticks = tickIndices(20, 5);
    expect(ticks[0]).toBe(0);
    expect(ticks[ticks.length - 1]).toBe(19);
    expect(ticks.length).toBe(5);
  });
});
