import { apiRoute } from "@/lib/server/api/api-route";
import { requireProjectRole } from "@/lib/server/auth/project-access";
import { previewEvalSet } from "@/lib/server/eval-sets/preview-eval-set";
import { ZPreviewInput } from "@/lib/schemas/eval-sets";
import { ZProjectParams } from "@/lib/schemas/params";

export const POST = apiRoute(
  { params: ZProjectParams, body: ZPreviewInput },
  async ({ caller, params, body }) => {
    await requireProjectRole(caller, params.id, ["lead"]);
    return previewEvalSet(params.id, body.filter);
  },
);
