import { projectRoles } from "./access-rule";

export const itemPolicy = {
  list: projectRoles("lead"),
  read: projectRoles("lead"),
  import: projectRoles("lead"),
  listBatches: projectRoles("lead"),
};
