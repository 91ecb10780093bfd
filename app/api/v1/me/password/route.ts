import { apiRoute } from "@/lib/server/api/api-route";
import { clientAddress } from "@/lib/server/auth/client-address";
import { renewedSessionCookie } from "@/lib/server/auth/session-token";
import { changeOwnPassword } from "@/lib/server/users/change-own-password";
import { ZChangePasswordInput } from "@/lib/schemas/users";

export const POST = apiRoute({ body: ZChangePasswordInput }, async ({ caller, body, request }) => {
  const version = await changeOwnPassword(caller, body, clientAddress(request.headers));
  const response = new Response(null, { status: 204 });
  // Every other session has ended; the one that made the change goes on.
  const cookie = caller.via === "session" ? await renewedSessionCookie(request.headers, version) : null;
  if (cookie) response.headers.append("set-cookie", cookie);
  return response;
});
