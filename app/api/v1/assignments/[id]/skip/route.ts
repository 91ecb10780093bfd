import { apiRoute } from "@/lib/server/api/api-route";
import { skipAssignment } from "@/lib/server/queue/skip-assignment";
import { ZAssignmentParams, ZNextQuery } from "@/lib/schemas/queue";

export const POST = apiRoute(
  { params: ZAssignmentParams, query: ZNextQuery, compress: false },
  async ({ caller, params, query }) => skipAssignment(caller, params.id, { claimNext: query.next === "1" }),
);
