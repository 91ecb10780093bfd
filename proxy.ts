import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

// Pages need a session: send visitors without one to the sign-in page. API routes answer 401
// themselves (they also accept Bearer tokens), and every page and route checks rights again.
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request });
  if (token) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/((?!api/|_next/|signin|favicon.ico|.*\\.(?:svg|png|ico|txt|css|js)$).*)"],
};
