import { describe, expect, it } from "vitest";
import { asConversation, targetTurns } from "./conversation";

describe("conversations", () => {
  const turns = [
    { role: "user", content: "Hi" },
    { role: "assistant", content: "Hello" },
    { role: "user", content: "How?" },
    { role: "assistant", content: "Like so" },
  ];

  it("reads [{role, content}] and nothing else", () => {
    expect(asConversation(turns)).toEqual(turns);
    expect(asConversation("Hi")).toBeNull();
    expect(asConversation([{ role: "user" }])).toBeNull();
    expect(asConversation([])).toBeNull();
  });

  it("finds the turns a definition targets", () => {
    expect(targetTurns(turns, "last_assistant_turn")).toEqual([3]);
    expect(targetTurns(turns, "all_assistant_turns")).toEqual([1, 3]);
    expect(targetTurns(turns, undefined)).toEqual([]);
  });
});
