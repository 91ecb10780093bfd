import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { OIDC_PROVIDER_ID, oidcSettings } from "./sign-in-settings";
import { signInWithOidc, type TOidcUser } from "./sign-in-with-oidc";

/**
 * next-auth's generic OAuth provider speaking OpenID Connect: discovery from the issuer, the
 * authorization code flow with PKCE and state, and the user read from the verified ID token.
 * `profile` returns the Concord user (matched or created by email), so the session carries its id
 * and session version like a password sign-in's (auth-options.ts).
 */
export function oidcProvider(): OAuthConfig<Record<string, unknown>>[] {
  const settings = oidcSettings();
  if (!settings) return [];
  return [
    {
      id: OIDC_PROVIDER_ID,
      name: settings.name,
      type: "oauth",
      wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      authorization: { params: { scope: settings.scopes } },
      idToken: true,
      checks: ["pkce", "state"],
      async profile(claims): Promise<TOidcUser> {
        return signInWithOidc(claims, settings);
      },
    },
  ];
}
