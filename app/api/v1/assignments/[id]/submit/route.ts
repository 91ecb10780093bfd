import { apiRoute } from "@/lib/server/api/api-route";
import { submitAssignment } from "@/lib/server/queue/submit-assignment";
import { ZAssignmentParams, ZNextQuery, ZSubmitEnvelope } from "@/lib/schemas/queue";

export const POST = apiRoute(
  { params: ZAssignmentParams, query: ZNextQuery, body: ZSubmitEnvelope, compress: false },
  async ({ caller, params, query, body }) =>
    Response.json(await submitAssignment(caller, params.id, body, { claimNext: query.next === "1" }), {
      status: 201,
    }),
);
