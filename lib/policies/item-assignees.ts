import { projectRoles } from "./access-rule";

export const itemAssigneePolicy = {
  list: projectRoles("lead"),
  assign: projectRoles("lead"),
  release: projectRoles("lead"),
};
