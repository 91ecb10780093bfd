import "server-only";
import { forbidden, notFound } from "next/navigation";
import type { TAccessRule } from "@/lib/policies/access-rule";
import { AppError } from "@/lib/server/errors";
import { requireProjectRole, type TProjectAccess } from "./project-access";
import { requirePageUser } from "./require-page-user";
import type { TCaller } from "./get-caller";

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
    return { caller, access: await requireProjectRole(caller, projectId, rule.roles) };
  } catch (error) {
    if (error instanceof AppError && error.status === 403) forbidden();
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}
