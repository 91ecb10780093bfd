import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { newNonce, pageContentSecurityPolicy } from "@/lib/http/security-headers";

// Every page gets a Content-Security-Policy with a nonce of its own: Next reads it from the request's
// policy and puts it on the scripts it writes (pages are rendered per request for that, see
// app/layout.tsx). Pages need a session: visitors without one go to the sign-in page. API routes
// answer 401 themselves (they also accept Bearer tokens), and every page and route checks rights again.
// An invitation page is for someone who has no account yet: its token is the credential.
export async function proxy(request: NextRequest) {
  const isPublic = request.nextUrl.pathname === "/signin" || request.nextUrl.pathname.startsWith("/invite/");
  if (!isPublic && !(await getToken({ req: request }))) {
    const url = request.nextUrl.clone();
    url.pathname = "/signin";
    url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
    return NextResponse.redirect(url);
  }
  const policy = pageContentSecurityPolicy(newNonce(), process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico|.*\\.(?:svg|png|ico|txt|css|js)$).*)"],
};
