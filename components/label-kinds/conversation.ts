/** One turn of a conversation field: `[{role, content}, ...]`. */
export type TTurn = { role: string; content: string };

/** The turns of a data value, or null when it is not a conversation. */
export function asConversation(value: unknown): TTurn[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const turns: TTurn[] = [];
  for (const turn of value) {
    if (typeof turn !== "object" || turn === null) return null;
    const { role, content } = turn as Record<string, unknown>;
    if (typeof role !== "string" || typeof content !== "string") return null;
    turns.push({ role, content });
  }
  return turns;
}

/** Indexes of the turns a definition judges: the last assistant turn, or every assistant turn. */
export function targetTurns(
  turns: readonly TTurn[],
  target: "last_assistant_turn" | "all_assistant_turns" | undefined,
) {
  const assistant = turns.flatMap((t, i) => (t.role === "assistant" ? [i] : []));
  if (target === "all_assistant_turns") return assistant;
  if (target === "last_assistant_turn") return assistant.slice(-1);
  return [];
}
