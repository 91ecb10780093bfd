import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getCaller, type TCaller } from "./get-caller";

/** Memoized for one request: the layouts and the page each ask who is signed in. */
const callerThisRequest = cache(() => getCaller());

/** For server components: the signed-in user, or a redirect to the sign-in page. */
export async function requirePageUser(): Promise<TCaller> {
  const caller = await callerThisRequest();
  if (!caller) redirect("/signin");
  return caller;
}

export async function requirePageAdmin(): Promise<TCaller> {
  const caller = await requirePageUser();
  if (!caller.isAdmin) forbidden();
  return caller;
}
