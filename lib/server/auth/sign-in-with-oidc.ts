import "server-only";
import { randomBytes } from "node:crypto";
import { rightsFromClaims } from "@/lib/auth/oidc-roles";
import { normalizeEmail } from "@/lib/auth/sign-in-throttle-policy";
import { getPool } from "@/lib/db";
import { hashPassword } from "./passwords";
import type { TOidcSettings } from "./sign-in-settings";

export type TOidcUser = {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
  isDisabled: boolean;
};

/**
 * The Concord user behind an identity provider's ID token: matched by email, or created on first
 * sign-in with a random password nobody knows (password sign-in stays possible only after an
 * admin sets one). The provider's groups set the rights their settings name, at every sign-in.
 * An email the provider has not verified matches nobody: it could be anyone's.
 */
export async function signInWithOidc(
  claims: Record<string, unknown>,
  settings: TOidcSettings,
): Promise<TOidcUser> {
  const email = typeof claims.email === "string" ? normalizeEmail(claims.email) : "";
  if (!email || claims.email_verified === false) {
    throw new Error("The identity provider sent no verified email address.");
  }
  const name =
    (typeof claims.name === "string" && claims.name.trim()) ||
    (typeof claims.preferred_username === "string" && claims.preferred_username) ||
    email;
  const rights = rightsFromClaims(claims, settings);
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  const { rows } = await getPool().query<{
    id: string;
    email: string;
    name: string;
    session_version: number;
    disabled: boolean;
  }>(
    `INSERT INTO users (email, name, password_hash, is_admin, can_create_projects)
     VALUES ($1, $2, $3, coalesce($4, false), coalesce($5, false))
     ON CONFLICT (email) DO UPDATE
        SET is_admin = coalesce($4, users.is_admin),
            can_create_projects = coalesce($5, users.can_create_projects)
     RETURNING id, email, name, session_version, disabled_at IS NOT NULL AS disabled`,
    [email, name.slice(0, 200), passwordHash, rights.isAdmin ?? null, rights.canCreateProjects ?? null],
  );
  const user = rows[0];
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    sessionVersion: user.session_version,
    isDisabled: user.disabled,
  };
}
