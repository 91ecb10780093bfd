import type { TItemForValues } from "@/lib/label-definitions/value-schema";
import { ChatTranscript } from "./chat-transcript";
import { asConversation, targetTurns } from "./conversation";
import { splitItemFields } from "./rendered-fields";

function formatCell(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "—";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * An item's data, readably: long or multi-line strings as paragraphs that keep their line breaks
 * (scrolling when long), everything else in a small field/value table.
 */
export function ItemView({
  item,
  hiddenFields,
  textFields,
  title = "Item",
  conversationTarget,
}: {
  item: TItemForValues;
  /** Fields not to show (e.g. those a control renders itself; see fieldsRenderedBy). */
  hiddenFields?: readonly string[];
  /** Fields always shown as paragraphs; other strings are when long or multi-line. */
  textFields?: readonly string[];
  /** The accessible name of the section. */
  title?: string;
  /** Which assistant turns the definitions judge, highlighted in a conversation. */
  conversationTarget?: "last_assistant_turn" | "all_assistant_turns";
}) {
  // Any field shaped [{role, content}, ...] (the project's conversation field among them) reads as a chat.
  const conversations = Object.entries(item.data).flatMap(([field, value]) => {
    if (hiddenFields?.includes(field)) return [];
    const turns = asConversation(value);
    return turns ? [[field, turns] as const] : [];
  });
  const { texts, others } = splitItemFields(
    item.data,
    [...(hiddenFields ?? []), ...conversations.map(([f]) => f)],
    textFields,
  );
  if (texts.length === 0 && others.length === 0 && conversations.length === 0) return null;
  return (
    <section
      aria-label={title}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm"
    >
      {conversations.map(([field, turns]) => (
        <div key={field}>
          <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-700 uppercase">{field}</h3>
          <ChatTranscript turns={turns} highlighted={targetTurns(turns, conversationTarget)} label={field} />
        </div>
      ))}
      {texts.map(([field, text]) => (
        <div key={field}>
          <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-700 uppercase">{field}</h3>
          {/* Focusable so a long text can be scrolled with the keyboard. */}
          <div tabIndex={0} className="max-h-96 overflow-y-auto rounded-md bg-slate-50 px-3 py-2">
            <p className="leading-relaxed break-words whitespace-pre-wrap text-slate-900">{text}</p>
          </div>
        </div>
      ))}
      {others.length > 0 ? (
        <table className="min-w-full text-sm">
          <caption className="sr-only">Other fields of the item</caption>
          <tbody className="divide-y divide-slate-100">
            {others.map(([field, value]) => (
              <tr key={field}>
                <th scope="row" className="w-1/3 py-1.5 pr-3 text-left align-top font-medium text-slate-700">
                  {field}
                </th>
                <td className="py-1.5 break-words whitespace-pre-wrap text-slate-900">{formatCell(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
