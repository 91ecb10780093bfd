import { apiRoute } from "@/lib/server/api/api-route";
import { resetPassword } from "@/lib/server/users/reset-password";
import { ZIdParams } from "@/lib/schemas/params";
import { ZResetPasswordInput } from "@/lib/schemas/users";

export const POST = apiRoute(
  { params: ZIdParams, body: ZResetPasswordInput },
  async ({ caller, body, params }) => {
    await resetPassword(caller, params.id, body);
    return new Response(null, { status: 204 });
  },
);
