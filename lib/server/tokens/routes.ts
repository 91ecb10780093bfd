import "server-only";
import { isPasswordSignInOn } from "@/lib/server/auth/sign-in-settings";
import * as endpoints from "@/lib/endpoints/accounts";
import { tokenPolicy } from "@/lib/policies/tokens";
import { defineRoute } from "@/lib/server/api/define-route";
import { checkPassword } from "@/lib/server/auth/check-password";
import { clientAddress } from "@/lib/server/auth/client-address";
import { forbidden, unauthorized } from "@/lib/server/errors";
import { createApiToken } from "./create-api-token";
import { listApiTokens } from "./list-api-tokens";
import { revokeApiToken } from "./revoke-api-token";

export const exchangePasswordForTokenRoute = defineRoute(endpoints.exchangePasswordForToken, {
  access: tokenPolicy.exchangePassword,
  handler: async ({ body, request }) => {
    if (!isPasswordSignInOn()) {
      throw forbidden(
        "Password sign-in is turned off: sign in with single sign-on and create a token there.",
      );
    }
    const user = await checkPassword(body.email, body.password, clientAddress(request.headers));
    if (!user) throw unauthorized("Wrong email or password.");
    return createApiToken(user.id, body.name);
  },
});

export const listMyTokensRoute = defineRoute(endpoints.listMyTokens, {
  access: tokenPolicy.list,
  handler: async ({ caller }) => ({ tokens: await listApiTokens(caller.id) }),
});

export const createMyTokenRoute = defineRoute(endpoints.createMyToken, {
  access: tokenPolicy.create,
  handler: async ({ caller, body }) => createApiToken(caller.id, body.name),
});

export const revokeMyTokenRoute = defineRoute(endpoints.revokeMyToken, {
  access: tokenPolicy.revoke,
  handler: async ({ caller, params }) => revokeApiToken(caller.id, params.id),
});
