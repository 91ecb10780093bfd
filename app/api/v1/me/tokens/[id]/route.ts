import { apiRoute } from "@/lib/server/api/api-route";
import { revokeApiToken } from "@/lib/server/tokens/revoke-api-token";
import { ZIdParams } from "@/lib/schemas/params";

export const DELETE = apiRoute({ params: ZIdParams }, async ({ caller, params }) => {
  await revokeApiToken(caller.id, params.id);
  return new Response(null, { status: 204 });
});
