import { ZodError } from "zod";
import { ApiError } from "@/lib/client/api-error";

/* What the workspace says when a request fails, and small helpers around its requests. */

export const LEASE_LOST_MESSAGE =
  "This item was reassigned because your lease expired, so your answers on it were not saved.";
export const GONE_MESSAGE = "That item is no longer available to you, so your answers on it were not saved.";

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.problem.detail || error.problem.title || "The request failed.";
  if (error instanceof ZodError)
    return "The server’s answer could not be read. Reload the page to try again.";
  if (error instanceof TypeError) return "Could not reach the server. Check your connection, then try again.";
  return error instanceof Error ? error.message : "Something went wrong. Try again.";
}

/** Runs `task` after the next paint. */
export function afterPaint(task: () => void) {
  requestAnimationFrame(() => setTimeout(task, 0));
}

export function statusOf(error: unknown): number | null {
  return error instanceof ApiError ? error.problem.status : null;
}

/** How many times a submit is sent again while the server is unavailable: about two minutes in all. */
export const SUBMIT_RETRIES = 8;

/**
 * Whether a request may succeed if sent again unchanged: the server said it is unavailable (503,
 * its database down) or busy (429), or could not be reached at all (fetch's TypeError).
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof ApiError) return error.problem.status === 503 || error.problem.status === 429;
  return error instanceof TypeError;
}

/**
 * The wait before retry number `attempt` (0 first): doubling from 1 s up to 30 s, never sooner than
 * the server's Retry-After, and spread by up to a fifth so that annotators cut off together do not
 * all come back in the same instant.
 */
export function retryDelayMs(attempt: number, error: unknown, random: () => number = Math.random): number {
  const backoff = Math.min(30_000, 1000 * 2 ** attempt);
  const serverSays = error instanceof ApiError ? (error.retryAfterSeconds ?? 0) * 1000 : 0;
  return Math.round(Math.max(backoff, serverSays) * (1 + random() / 5));
}

export function unavailableMessage(delayMs: number): string {
  return `The server is unavailable; your answer is kept. Trying again in ${Math.ceil(delayMs / 1000)} s.`;
}

export const STILL_UNAVAILABLE_MESSAGE =
  "The server is still unavailable; your answer is kept. Submit again in a moment.";

/**
 * Runs `task`, and while it fails with a retryable error (server down or busy) runs it again after
 * `retryDelayMs`, at most SUBMIT_RETRIES times, telling `onWait` how long each wait is. The last
 * error is thrown.
 */
export async function withRetries<T>(task: () => Promise<T>, onWait: (delayMs: number) => void): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (!isRetryable(error) || attempt >= SUBMIT_RETRIES) throw error;
      const delay = retryDelayMs(attempt, error);
      onWait(delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
