import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What one request's log line needs from deeper down: its id (the one problem+json answers quote),
 * the caller once known, and the error behind a 500. Set by the front door (lib/server/http/
 * front-door.ts) and filled in by the API wrapper.
 */
export type TRequestContext = { requestId: string; callerId?: string; error?: unknown };

// Kept on globalThis: Next bundles its own copy of this module into the route handlers it serves,
// and both copies must share one store.
const globalForContext = globalThis as unknown as {
  concordRequestContext?: AsyncLocalStorage<TRequestContext>;
};
const storage = (globalForContext.concordRequestContext ??= new AsyncLocalStorage<TRequestContext>());

export function runWithRequestContext<T>(context: TRequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): TRequestContext | undefined {
  return storage.getStore();
}
