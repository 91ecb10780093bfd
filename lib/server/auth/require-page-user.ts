import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getCaller, type TCaller } from "./get-caller";

/** For server components: the signed-in user, or a redirect to the sign-in page. */
export async function requirePageUser(): Promise<TCaller> {
  const caller = await getCaller();
  if (!caller) redirect("/signin");
  return caller;
}

export async function requirePageAdmin(): Promise<TCaller> {
  const caller = await requirePageUser();
  if (!caller.isAdmin) forbidden();
  return caller;
}
