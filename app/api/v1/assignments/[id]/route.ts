import { apiRoute } from "@/lib/server/api/api-route";
import { getAssignment } from "@/lib/server/queue/get-assignment";
import { ZAssignmentParams } from "@/lib/schemas/queue";

export const GET = apiRoute({ params: ZAssignmentParams }, async ({ caller, params }) =>
  getAssignment(caller.id, params.id),
);
