import { apiRoute } from "@/lib/server/api/api-route";
import { reviseAnnotations } from "@/lib/server/queue/revise-annotations";
import { ZAssignmentParams, ZSubmitEnvelope } from "@/lib/schemas/queue";

export const PUT = apiRoute(
  { params: ZAssignmentParams, body: ZSubmitEnvelope },
  async ({ caller, params, body }) => reviseAnnotations(caller, params.id, body),
);
