const NONE: ReadonlySet<string> = new Set();

/**
 * What a list shows of an item: its first text field, else its first conversation read as turns
 * ("user: … · assistant: …"), else its JSON. Fields in `hidden` are skipped, so a gold answer never
 * poses as the item's text.
 */
export function itemPreview(data: unknown, { hidden = NONE, max = 200 } = {}): string {
  if (data && typeof data === "object" && !Array.isArray(data)) {
    const shown = Object.entries(data).flatMap(([field, v]) => (hidden.has(field) ? [] : [v]));
    const text = shown.find((v): v is string => typeof v === "string" && v.trim() !== "");
    if (text !== undefined) return text.slice(0, max);
    const chat = shown.find(isConversation);
    if (chat)
      return chat
        .map((t) => `${t.role}: ${t.content}`)
        .join(" · ")
        .slice(0, max);
  }
  return (JSON.stringify(data) ?? "").slice(0, max);
}

function isConversation(value: unknown): value is { role: string; content: string }[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (t) =>
        typeof (t as { role?: unknown })?.role === "string" &&
        typeof (t as { content?: unknown })?.content === "string",
    )
  );
}
