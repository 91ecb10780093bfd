import { projectRoles } from "./access-rule";

export const webhookPolicy = {
  list: projectRoles("lead"),
  create: projectRoles("lead"),
  delete: projectRoles("lead"),
  deliveries: projectRoles("lead"),
  test: projectRoles("lead"),
};
