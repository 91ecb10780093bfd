/**
 * What an identity provider's groups (or roles) claim grants in Concord. A list of groups that is
 * configured makes the provider the authority for that right: it is granted and taken away at each
 * sign-in. Unconfigured, the right is left as an admin set it in Concord.
 */
export function rightsFromClaims(
  claims: Record<string, unknown>,
  settings: { rolesClaim: string; adminGroups: string[]; creatorGroups: string[] },
): { isAdmin?: boolean; canCreateProjects?: boolean } {
  const groups = new Set(claimValues(readClaim(claims, settings.rolesClaim)));
  const has = (wanted: string[]) => wanted.some((g) => groups.has(g));
  return {
    ...(settings.adminGroups.length ? { isAdmin: has(settings.adminGroups) } : {}),
    ...(settings.creatorGroups.length ? { canCreateProjects: has(settings.creatorGroups) } : {}),
  };
}

/** A claim by name; a dotted name reads a nested one (Keycloak's `realm_access.roles`). */
function readClaim(claims: Record<string, unknown>, name: string): unknown {
  if (name in claims) return claims[name];
  return name
    .split(".")
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined,
      claims,
    );
}

/** Providers send a list, a single string, or a space- or comma-separated string. */
function claimValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  if (typeof value === "string") return value.split(/[\s,]+/).filter(Boolean);
  return [];
}
