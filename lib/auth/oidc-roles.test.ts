import { describe, expect, it } from "vitest";
import { rightsFromClaims } from "./oidc-roles";

const settings = { rolesClaim: "groups", adminGroups: ["concord-admins"], creatorGroups: ["leads", "pm"] };

describe("rightsFromClaims", () => {
  it("grants and takes away what the configured groups say", () => {
    expect(rightsFromClaims({ groups: ["concord-admins", "staff"] }, settings)).toEqual({
      isAdmin: true,
      canCreateProjects: false,
    });
    expect(rightsFromClaims({ groups: "pm staff" }, settings)).toEqual({
      isAdmin: false,
      canCreateProjects: true,
    });
    expect(rightsFromClaims({}, settings)).toEqual({ isAdmin: false, canCreateProjects: false });
  });

  it("reads nested claims, and leaves unconfigured rights alone", () => {
    expect(
      rightsFromClaims(
        { realm_access: { roles: ["concord-admins"] } },
        { rolesClaim: "realm_access.roles", adminGroups: ["concord-admins"], creatorGroups: [] },
      ),
    ).toEqual({ isAdmin: true });
    expect(
      rightsFromClaims({ groups: ["x"] }, { rolesClaim: "groups", adminGroups: [], creatorGroups: [] }),
    ).toEqual({});
  });
});
