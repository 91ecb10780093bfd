import { apiRoute } from "@/lib/server/api/api-route";
import { forbidden } from "@/lib/server/errors";
import { createUser } from "@/lib/server/users/create-user";
import { listUsers } from "@/lib/server/users/list-users";
import { ZCreateUserInput } from "@/lib/schemas/users";

export const GET = apiRoute({}, async ({ caller }) => {
  if (!caller.isAdmin) throw forbidden("Only admins can list users.");
  return { users: await listUsers() };
});

export const POST = apiRoute({ body: ZCreateUserInput }, async ({ caller, body }) => {
  if (!caller.isAdmin) throw forbidden("Only admins can create users.");
  return Response.json(await createUser(body), { status: 201 });
});
