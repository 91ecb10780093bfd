import "server-only";
import { forbidden, notFound } from "next/navigation";
import { AppError } from "@/lib/server/errors";
import { requireProjectRole, type TProjectAccess, type TProjectRole } from "./project-access";
import { requirePageUser } from "./require-page-user";
import type { TCaller } from "./get-caller";

/** For server components: the same rights check as the API, answered with the 404 or 403 page. */
export async function requirePageProject(
  projectId: string,
  roles: readonly TProjectRole[],
): Promise<{ caller: TCaller; access: TProjectAccess }> {
  const caller = await requirePageUser();
  try {
    return { caller, access: await requireProjectRole(caller, projectId, roles) };
  } catch (error) {
    if (error instanceof AppError && error.status === 403) forbidden();
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}
