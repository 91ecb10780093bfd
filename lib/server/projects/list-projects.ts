import "server-only";
import { db } from "@/lib/db";
import type { TCaller } from "@/lib/server/auth/get-caller";
import type { TProject } from "@/lib/schemas/projects";
import { serializeProject } from "./serialize-project";

/** The projects the caller may see: all for an admin, else those they are a member of. */
export async function listProjects(caller: TCaller): Promise<TProject[]> {
  if (caller.isAdmin) {
    const projects = await db.project.findMany({ orderBy: { createdAt: "desc" } });
    return projects.map((p) => serializeProject(p, "admin"));
  }
  const memberships = await db.membership.findMany({
    where: { userId: caller.id },
    include: { project: true },
    orderBy: { project: { createdAt: "desc" } },
  });
  return memberships.map((m) => serializeProject(m.project, m.role));
}
