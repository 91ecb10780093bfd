// A real OpenID Connect provider (panva's oidc-provider) for the single sign-on e2e: its own login
// and consent pages (the package's development interactions: any login, any password), one client
// registered for the app under test. playwright.config.ts points the app at it.
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export const OIDC = {
  port: Number(process.env.E2E_PORT ?? 3100) + 1000,
  clientId: "concord-e2e",
  clientSecret: "concord-e2e-client-secret-not-for-production",
  name: "Test IdP",
};

/** Logins that start with "admin" are in the group that makes Concord admins. */
export async function startOidcProvider(
  appUrl: string,
): Promise<{ issuer: string; stop: () => Promise<void> }> {
  const issuer = `http://127.0.0.1:${OIDC.port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC.clientId,
        client_secret: OIDC.clientSecret,
        redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    scopes: ["openid", "email", "profile", "groups"],
    // Claims in the ID token itself: Concord reads the user from it (idToken: true).
    conformIdTokenClaims: false,
    cookies: { keys: ["e2e-cookie-key-not-for-production"] },
    pkce: { required: () => true },
    async findAccount(_ctx, sub) {
      return {
        accountId: sub,
        async claims() {
          const local = sub.split("@")[0];
          return {
            sub,
            email: sub,
            email_verified: true,
            name: `SSO ${local}`,
            groups: local.startsWith("admin") ? ["concord-admins"] : ["staff"],
          };
        },
      };
    },
  });
  const server = provider.listen(OIDC.port, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const address = server.address() as AddressInfo;
  return {
    issuer: `http://127.0.0.1:${address.port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
