import { apiRoute } from "@/lib/server/api/api-route";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { listApiTokens } from "@/lib/server/tokens/list-api-tokens";
import { ZCreateTokenInput } from "@/lib/schemas/users";

export const GET = apiRoute({}, async ({ caller }) => ({ tokens: await listApiTokens(caller.id) }));

export const POST = apiRoute({ body: ZCreateTokenInput }, async ({ caller, body }) =>
  Response.json(await createApiToken(caller.id, body.name), { status: 201 }),
);
