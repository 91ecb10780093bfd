// The events a hook can subscribe to against the events something writes: a declared event that
// nothing writes would be a subscription that never fires, and an event written under a name no
// hook can subscribe to (a typo in SQL, which the TypeScript types do not see) would never leave
// the outbox. Both kinds of writer are read from the sources: the use cases' enqueueWebhookEvent
// calls and the SQL functions' concord_enqueue_webhook calls.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WEBHOOK_EVENTS } from "./event-types";

/** The contract's list (api-v1.md, "Acting on drift", Webhooks). */
const CONTRACT_EVENTS = [
  "item.completed",
  "batch.completed",
  "campaign.completed",
  "eval_set.frozen",
  "agreement.drift_flagged",
  "definition.version_created",
];

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && pattern.test(e.name) && !/\.test\.ts$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

function writtenEvents(): Map<string, string[]> {
  const written = new Map<string, string[]>();
  const note = (event: string, file: string) => written.set(event, [...(written.get(event) ?? []), file]);
  for (const file of filesUnder("lib/server", /\.ts$/))
    for (const m of readFileSync(file, "utf8").matchAll(/enqueueWebhookEvent\([^)]*?"([a-z_.]+)"/g))
      note(m[1], file);
  for (const file of filesUnder("prisma/functions", /\.sql$/))
    for (const m of readFileSync(file, "utf8").matchAll(
      /"?concord_enqueue_webhook"?\([^,]+,\s*'([a-z_.]+)'/g,
    ))
      note(m[1], file);
  return written;
}

describe("webhook event types", () => {
  const written = writtenEvents();

  it("declares every event of the contract", () => {
    expect(WEBHOOK_EVENTS).toEqual(expect.arrayContaining(CONTRACT_EVENTS));
  });

  it("has a writer for every declared event", () => {
    expect(WEBHOOK_EVENTS.filter((e) => !written.has(e))).toEqual([]);
  });

  it("writes no event a hook cannot subscribe to", () => {
    expect([...written.keys()].filter((e) => !(WEBHOOK_EVENTS as readonly string[]).includes(e))).toEqual([]);
    // the reader finds both kinds of writer: without them the two checks above would prove nothing
    expect(written.get("item.completed")?.some((f) => f.endsWith(".sql"))).toBe(true);
    expect(written.get("eval_set.frozen")?.some((f) => f.endsWith(".ts"))).toBe(true);
  });
});
