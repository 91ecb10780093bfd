import { apiRoute } from "@/lib/server/api/api-route";
import { requireProjectRole } from "@/lib/server/auth/project-access";
import { addMember } from "@/lib/server/projects/add-member";
import { listMembers } from "@/lib/server/projects/list-members";
import { ZProjectParams } from "@/lib/schemas/params";
import { ZAddMemberInput } from "@/lib/schemas/projects";

export const GET = apiRoute({ params: ZProjectParams }, async ({ caller, params }) => {
  await requireProjectRole(caller, params.id, ["lead"]);
  return { members: await listMembers(params.id) };
});

export const POST = apiRoute(
  { params: ZProjectParams, body: ZAddMemberInput },
  async ({ caller, params, body }) => {
    await requireProjectRole(caller, params.id, ["lead"]);
    return Response.json(await addMember(params.id, body), { status: 201 });
  },
);
