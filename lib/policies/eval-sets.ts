import { evalSetRoles, projectRoles, signedIn } from "./access-rule";

export const evalSetPolicy = {
  list: projectRoles("lead", "engineer"),
  create: projectRoles("lead"),
  preview: projectRoles("lead"),
  find: signedIn("sets in projects where the caller is lead or engineer; admins: all"),
  read: evalSetRoles("lead", "engineer"),
  edit: evalSetRoles("lead"),
  freeze: evalSetRoles("lead"),
  diff: evalSetRoles("lead", "engineer"),
  readVersion: evalSetRoles("lead", "engineer"),
  lineage: evalSetRoles("lead", "engineer"),
  export: evalSetRoles("lead", "engineer"),
  /** Engineers export pseudonyms only. */
  exportRealAnnotatorIds: evalSetRoles("lead"),
};
