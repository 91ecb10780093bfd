import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The demo project of this name, created with `data` the first time (a later seed finds it). */
export async function ensureDemoProject(
  data: Prisma.ProjectCreateInput,
  log: (line: string) => void,
): Promise<{ id: string; name: string }> {
  const existing = await db.project.findUnique({ where: { name: data.name } });
  if (existing) return existing;
  const project = await db.project.create({ data });
  log(`created demo project "${project.name}"`);
  return project;
}
