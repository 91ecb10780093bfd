import { describe, expect, it } from "vitest";
import { countedAnnotations } from "./counted-annotations";

const row = (id: string, campaignId: string | null, isCampaignDone = false, campaignStartedAt = 0) => ({
  id,
  campaignId,
  isCampaignDone,
  campaignStartedAt,
});

describe("countedAnnotations", () => {
  it("keeps ordinary annotations when no campaign touched the item", () => {
    expect(countedAnnotations([row("a", null), row("b", null)]).map((r) => r.id)).toEqual(["a", "b"]);
  });

  it("ignores a campaign's relabels until the campaign has all of them for the item", () => {
    const rows = [row("a", null), row("b", null), row("c", "k1", false, 5)];
    expect(countedAnnotations(rows).map((r) => r.id)).toEqual(["a", "b"]);
  });

  it("lets a finished campaign's relabels replace the earlier labels", () => {
    const rows = [row("a", null), row("c", "k1", true, 5), row("d", "k1", true, 5)];
    expect(countedAnnotations(rows).map((r) => r.id)).toEqual(["c", "d"]);
  });

  it("takes the later of two finished campaigns, whatever the row order", () => {
    const rows = [row("c", "k2", true, 9), row("a", null), row("d", "k1", true, 5), row("e", "k2", true, 9)];
    expect(countedAnnotations(rows).map((r) => r.id)).toEqual(["c", "e"]);
  });
});
