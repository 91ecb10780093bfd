import { z } from "zod";
import { apiRoute } from "@/lib/server/api/api-route";
import { requireProjectRole } from "@/lib/server/auth/project-access";
import { listMyAssignments } from "@/lib/server/queue/list-my-assignments";
import { ZProjectParams } from "@/lib/schemas/params";

export const GET = apiRoute(
  {
    params: ZProjectParams,
    query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }).strict(),
  },
  async ({ caller, params, query }) => {
    await requireProjectRole(caller, params.id, ["annotator", "lead"]);
    return { assignments: await listMyAssignments(caller.id, params.id, query.limit) };
  },
);
