import { projectRoles } from "./access-rule";

export const campaignPolicy = {
  create: projectRoles("lead"),
  list: projectRoles("lead"),
  read: projectRoles("lead"),
  transitions: projectRoles("lead", "engineer"),
  versionImpact: projectRoles("lead"),
};
