import { adminOnly, projectRoles, signedIn } from "./access-rule";

export const projectPolicy = {
  list: signedIn("the projects the caller is a member of; admins see all"),
  create: signedIn("admins, and users an admin lets create projects (they become its lead)"),
  read: projectRoles("lead", "annotator", "engineer"),
  edit: projectRoles("lead"),
  archive: adminOnly(),
  listMembers: projectRoles("lead"),
  addMember: projectRoles("lead"),
  updateMember: projectRoles("lead"),
  removeMember: projectRoles("lead"),
};
