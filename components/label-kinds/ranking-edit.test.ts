import { describe, expect, it } from "vitest";
import {
  assignRank,
  clearRank,
  compactRanks,
  draftRanks,
  moveInOrder,
  orderOf,
  rankByClick,
} from "./ranking-edit";

describe("ranking edits", () => {
  it("digits assign ranks; without ties the holder of a rank swaps", () => {
    let r = [0, 0, 0, 0];
    r = assignRank(r, 0, 2, false);
    r = assignRank(r, 1, 2, false);
    expect(r).toEqual([0, 2, 0, 0]);
    r = assignRank(r, 0, 1, false);
    r = assignRank(r, 1, 1, false);
    expect(r).toEqual([2, 1, 0, 0]);
    expect(assignRank(r, 2, 5, false)).toEqual(r);
  });

  it("with ties, responses share a rank and a complete ranking becomes dense", () => {
    let r = [0, 0, 0, 0];
    r = assignRank(r, 0, 1, true);
    r = assignRank(r, 1, 1, true);
    r = assignRank(r, 2, 3, true);
    expect(r).toEqual([1, 1, 3, 0]);
    r = assignRank(r, 3, 4, true);
    expect(r).toEqual([1, 1, 2, 3]);
    expect(clearRank(r, 2, true)).toEqual([1, 1, 0, 2]);
    expect(compactRanks([3, 0, 3, 7])).toEqual([1, 0, 1, 2]);
  });

  it("click order ranks 1, 2, 3 in turn; a second click takes a rank back", () => {
    let r = [0, 0, 0];
    r = rankByClick(r, 2);
    r = rankByClick(r, 0);
    expect(r).toEqual([2, 0, 1]);
    expect(rankByClick(r, 2)).toEqual([1, 0, 0]);
  });

  it("drag and drop reorders the ranked list", () => {
    expect(orderOf([2, 0, 1])).toEqual([2, 0, 1]);
    expect(moveInOrder([1, 2, 3, 4], 3, 0)).toEqual([2, 3, 4, 1]);
    expect(moveInOrder([1, 1, 2], 0, 2)).toEqual([3, 1, 2]);
  });

  it("a stored value of another length starts unranked", () => {
    expect(draftRanks([1, 2], 3)).toEqual([0, 0, 0]);
    expect(draftRanks([2, 1], 2)).toEqual([2, 1]);
  });
});
