import { projectRoles } from "./access-rule";

export const labelDefinitionPolicy = {
  list: projectRoles("lead", "engineer", "annotator"),
  create: projectRoles("lead"),
  edit: projectRoles("lead"),
  listVersions: projectRoles("lead", "engineer"),
};
