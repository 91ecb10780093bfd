import "server-only";
import { forbidden, notFound } from "next/navigation";
import { cache } from "react";
import type { TAccessRule } from "@/lib/policies/access-rule";
import { AppError } from "@/lib/server/errors";
import { loadProjectStanding, requireProjectRole, type TProjectAccess } from "./project-access";
import { requirePageUser } from "./require-page-user";
import type { TCaller } from "./get-caller";

/**
 * Memoized for one request (React's server cache): the project layout and its page both check
 * access, and would otherwise send the same query twice. Only the standing is shared; each
 * caller's rule is still applied to it.
 */
const standingThisRequest = cache(loadProjectStanding);

/**
 * For server components: the same policy rule the API applies (lib/policies/), answered with the
 * 404 or 403 page.
 */
export async function requirePageProject(
  projectId: string,
  rule: Extract<TAccessRule, { scope: "project" }>,
): Promise<{ caller: TCaller; access: TProjectAccess }> {
  const caller = await requirePageUser();
  try {
    return { caller, access: await requireProjectRole(caller, projectId, rule.roles, standingThisRequest) };
  } catch (error) {
    if (error instanceof AppError && error.status === 403) forbidden();
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}
