import { apiRoute } from "@/lib/server/api/api-route";
import { checkPassword } from "@/lib/server/auth/check-password";
import { clientAddress } from "@/lib/server/auth/client-address";
import { unauthorized } from "@/lib/server/errors";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { ZCreateTokenWithPasswordInput } from "@/lib/schemas/users";

export const POST = apiRoute(
  { auth: false, body: ZCreateTokenWithPasswordInput },
  async ({ body, request }) => {
    const user = await checkPassword(body.email, body.password, clientAddress(request.headers));
    if (!user) throw unauthorized("Wrong email or password.");
    return Response.json(await createApiToken(user.id, body.name), { status: 201 });
  },
);
