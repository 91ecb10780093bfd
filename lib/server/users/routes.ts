import "server-only";
import * as endpoints from "@/lib/endpoints/accounts";
import { userPolicy } from "@/lib/policies/users";
import { defineRoute } from "@/lib/server/api/define-route";
import { clientAddress } from "@/lib/server/auth/client-address";
import { renewedSessionCookie } from "@/lib/server/auth/session-token";
import { changeOwnPassword } from "./change-own-password";
import { createUser } from "./create-user";
import { importUsers } from "./import-users";
import { listUsers } from "./list-users";
import { resetPassword } from "./reset-password";
import { updateUser } from "./update-user";

export const listUsersRoute = defineRoute(endpoints.listUsers, {
  access: userPolicy.list,
  handler: async ({ query }) => listUsers(query),
});

export const updateUserRoute = defineRoute(endpoints.updateUser, {
  access: userPolicy.update,
  handler: async ({ caller, params, body }) => updateUser(caller, params.id, body),
});

export const importUsersRoute = defineRoute(endpoints.importUsers, {
  access: userPolicy.import,
  // A thousand CSV lines with long names fit well below this.
  maxBodyBytes: 1_100_000,
  handler: async ({ caller, body, request }) => importUsers(caller.id, body, request),
});

export const createUserRoute = defineRoute(endpoints.createUser, {
  access: userPolicy.create,
  handler: async ({ caller, body }) => createUser(body, caller),
});

export const resetUserPasswordRoute = defineRoute(endpoints.resetUserPassword, {
  access: userPolicy.resetPassword,
  handler: async ({ caller, body, params }) => resetPassword(caller, params.id, body),
});

export const changeMyPasswordRoute = defineRoute(endpoints.changeMyPassword, {
  access: userPolicy.changeOwnPassword,
  handler: async ({ caller, body, request }) => {
    const version = await changeOwnPassword(caller, body, clientAddress(request.headers));
    const response = new Response(null, { status: 204 });
    // Every other session has ended; the one that made the change goes on.
    const cookie = caller.via === "session" ? await renewedSessionCookie(request.headers, version) : null;
    if (cookie) response.headers.append("set-cookie", cookie);
    return response;
  },
});
