import "server-only";
import { z } from "zod";

const ZList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );

const ZOidcEnv = z.object({
  CONCORD_OIDC_ISSUER: z.url("CONCORD_OIDC_ISSUER must be the issuer's URL"),
  CONCORD_OIDC_CLIENT_ID: z.string().min(1, "CONCORD_OIDC_CLIENT_ID is required with CONCORD_OIDC_ISSUER"),
  CONCORD_OIDC_CLIENT_SECRET: z
    .string()
    .min(1, "CONCORD_OIDC_CLIENT_SECRET is required with CONCORD_OIDC_ISSUER"),
  CONCORD_OIDC_NAME: z.string().min(1).default("single sign-on"),
  CONCORD_OIDC_SCOPES: z.string().min(1).default("openid email profile"),
  CONCORD_OIDC_ROLES_CLAIM: z.string().min(1).default("groups"),
  CONCORD_OIDC_ADMIN_GROUPS: ZList,
  CONCORD_OIDC_CREATOR_GROUPS: ZList,
});

export type TOidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
  scopes: string;
  rolesClaim: string;
  adminGroups: string[];
  creatorGroups: string[];
};

/**
 * Single sign-on through an OpenID Connect provider, when CONCORD_OIDC_ISSUER is set (the rest of
 * the settings are then required; a bad one stops the app at start rather than at someone's
 * sign-in). docs/deployment.md lists them.
 */
export function oidcSettings(env: NodeJS.ProcessEnv = process.env): TOidcSettings | null {
  if (!env.CONCORD_OIDC_ISSUER) return null;
  const parsed = ZOidcEnv.safeParse(env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "));
  const e = parsed.data;
  return {
    issuer: e.CONCORD_OIDC_ISSUER.replace(/\/$/, ""),
    clientId: e.CONCORD_OIDC_CLIENT_ID,
    clientSecret: e.CONCORD_OIDC_CLIENT_SECRET,
    name: e.CONCORD_OIDC_NAME,
    scopes: e.CONCORD_OIDC_SCOPES,
    rolesClaim: e.CONCORD_OIDC_ROLES_CLAIM,
    adminGroups: e.CONCORD_OIDC_ADMIN_GROUPS,
    creatorGroups: e.CONCORD_OIDC_CREATOR_GROUPS,
  };
}

/** CONCORD_PASSWORD_SIGNIN=off leaves single sign-on as the only way in (API tokens still work). */
export function isPasswordSignInOn(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CONCORD_PASSWORD_SIGNIN !== "off" || !env.CONCORD_OIDC_ISSUER;
}

/** What the sign-in page offers. */
export function signInMethods(): { passwords: boolean; sso: { id: string; name: string } | null } {
  const oidc = oidcSettings();
  return { passwords: isPasswordSignInOn(), sso: oidc ? { id: OIDC_PROVIDER_ID, name: oidc.name } : null };
}

export const OIDC_PROVIDER_ID = "oidc";
