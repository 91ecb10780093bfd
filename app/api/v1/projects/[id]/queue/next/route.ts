import { apiRoute } from "@/lib/server/api/api-route";
import { requireProjectRole } from "@/lib/server/auth/project-access";
import { claimNextItem } from "@/lib/server/queue/claim-next-item";
import { ZProjectParams } from "@/lib/schemas/params";

export const POST = apiRoute({ params: ZProjectParams }, async ({ caller, params }) => {
  await requireProjectRole(caller, params.id, ["annotator", "lead"]);
  const served = await claimNextItem(caller.id, params.id);
  return served ? served : new Response(null, { status: 204 });
});
