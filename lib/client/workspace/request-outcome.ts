import { ZodError } from "zod";
import { ApiError } from "@/lib/client/api-fetch";

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
