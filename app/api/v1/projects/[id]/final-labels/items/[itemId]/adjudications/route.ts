import { apiRoute } from "@/lib/server/api/api-route";
import { requireProjectRole } from "@/lib/server/auth/project-access";
import { adjudicateItem } from "@/lib/server/final-labels/adjudicate-item";
import { ZAdjudicationInput, ZItemParams } from "@/lib/schemas/final-labels";

export const POST = apiRoute(
  { params: ZItemParams, body: ZAdjudicationInput },
  async ({ caller, params, body }) => {
    await requireProjectRole(caller, params.id, ["lead"]);
    const adjudication = await adjudicateItem({
      projectId: params.id,
      itemId: params.itemId,
      userId: caller.id,
      decision: body,
    });
    return Response.json(adjudication, { status: 201 });
  },
);
