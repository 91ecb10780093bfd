import { projectRoles } from "./access-rule";

export const finalLabelPolicy = {
  list: projectRoles("lead"),
  listRules: projectRoles("lead", "engineer"),
  setRule: projectRoles("lead"),
  readItem: projectRoles("lead"),
  adjudicate: projectRoles("lead"),
  goldAccuracy: projectRoles("lead"),
};
