import { describe, expect, it } from "vitest";
import { itemPreview } from "./item-preview";

describe("itemPreview", () => {
  const chat = [
    { role: "user", content: "Can I renew a book twice?" },
    { role: "assistant", content: "Yes, up to three times." },
  ];

  it("shows the first text field, skipping blank and hidden ones", () => {
    expect(itemPreview({ gold: "pos", blank: "  ", text: "Great food" }, { hidden: new Set(["gold"]) })).toBe(
      "Great food",
    );
  });

  it("reads a conversation as its turns when the item has no text field", () => {
    expect(itemPreview({ n: 3, chat })).toBe(
      "user: Can I renew a book twice? · assistant: Yes, up to three times.",
    );
    expect(itemPreview({ chat }, { max: 10 })).toBe("user: Can ");
  });

  it("falls back to the JSON, without hidden fields winning over it", () => {
    expect(itemPreview({ gold: "pos", n: 3 }, { hidden: new Set(["gold"]) })).toBe('{"gold":"pos","n":3}');
    expect(itemPreview({ list: [{ role: "user" }] })).toBe('{"list":[{"role":"user"}]}');
    expect(itemPreview(null)).toBe("null");
  });
});
