import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProviderImport from "next-auth/providers/credentials";
import { z } from "zod";
import { sameOriginPath } from "@/lib/auth/same-origin-path";
import { AppError } from "@/lib/server/errors";
import { checkPassword } from "./check-password";
import { clientAddress } from "./client-address";
import { endSessions } from "./end-sessions";
import { oidcProvider } from "./oidc-provider";
import { SESSION_MAX_AGE_SECONDS } from "./session-token";
import { isPasswordSignInOn } from "./sign-in-settings";

// next-auth 4 ships CommonJS: Next's bundler unwraps its default export, plain Node (the CLI,
// benchmarks) hands over the module object. Accept both.
const CredentialsProvider =
  (CredentialsProviderImport as unknown as { default?: typeof CredentialsProviderImport }).default ??
  CredentialsProviderImport;

const ZCredentials = z.object({ email: z.string().max(320), password: z.string().max(1024) });
const ZSignedIn = z.object({ id: z.string(), sessionVersion: z.number().int().min(0) });
const ZSignedOut = z.object({ sub: z.uuid() });
const ZDisabled = z.object({ isDisabled: z.literal(true) });

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin", error: "/signin" },
  // Single sign-on when configured (sign-in-settings.ts); passwords unless turned off.
  providers: [...oidcProvider(), ...(isPasswordSignInOn() ? [passwordProvider()] : [])],
  callbacks: {
    // A disabled user matched by single sign-on gets no session (password sign-in refuses them earlier).
    signIn({ user }) {
      return ZDisabled.safeParse(user).success ? "/signin?error=AccountDisabled" : true;
    },
    jwt({ token, user }) {
      // The session version goes into the cookie at sign-in; get-caller.ts refuses the cookie once
      // the user's version has moved on.
      const signedIn = ZSignedIn.safeParse(user);
      if (signedIn.success) {
        token.sub = signedIn.data.id;
        token.sv = signedIn.data.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
    // Where next-auth sends the browser after sign-in or sign-out: this site only.
    redirect({ url, baseUrl }) {
      return new URL(sameOriginPath(url, baseUrl), baseUrl).href;
    },
  },
  events: {
    // Signing out ends every session of the user, this cookie's copies included.
    async signOut({ token }) {
      const signedOut = ZSignedOut.safeParse(token);
      if (signedOut.success) await endSessions(signedOut.data.sub);
    },
  },
};

function passwordProvider() {
  return CredentialsProvider({
    name: "Email and password",
    credentials: {
      email: { label: "Email", type: "email" },
      password: { label: "Password", type: "password" },
    },
    async authorize(credentials, req) {
      const parsed = ZCredentials.safeParse(credentials);
      if (!parsed.success) return null;
      try {
        const user = await checkPassword(parsed.data.email, parsed.data.password, clientAddress(req.headers));
        return user
          ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion }
          : null;
      } catch (error) {
        // next-auth passes a thrown message through to the sign-in page as `error`.
        if (error instanceof AppError) throw new Error(error.message);
        throw error;
      }
    },
  });
}
