import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProviderImport from "next-auth/providers/credentials";
import { z } from "zod";
import { AppError } from "@/lib/server/errors";
import { checkPassword } from "./check-password";
import { clientAddress } from "./client-address";

// next-auth 4 ships CommonJS: Next's bundler unwraps its default export, plain Node (the CLI,
// benchmarks) hands over the module object. Accept both.
const CredentialsProvider =
  (CredentialsProviderImport as unknown as { default?: typeof CredentialsProviderImport }).default ??
  CredentialsProviderImport;

const ZCredentials = z.object({ email: z.string().max(320), password: z.string().max(1024) });

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const parsed = ZCredentials.safeParse(credentials);
        if (!parsed.success) return null;
        try {
          const user = await checkPassword(
            parsed.data.email,
            parsed.data.password,
            clientAddress(req.headers),
          );
          return user ? { id: user.id, email: user.email, name: user.name } : null;
        } catch (error) {
          // next-auth passes a thrown message through to the sign-in page as `error`.
          if (error instanceof AppError) throw new Error(error.message);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};
