import { adminOnly, projectRoles } from "./access-rule";

export const auditPolicy = {
  listProject: projectRoles("lead"),
  listInstance: adminOnly(),
};
