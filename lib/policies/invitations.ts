import { adminOnly, anyone, projectRoles } from "./access-rule";

export const invitationPolicy = {
  create: adminOnly(),
  createForProject: projectRoles("lead"),
  read: anyone("whoever holds the link: the token is the credential"),
  accept: anyone("whoever holds the link, once, before it expires"),
};
