import { projectRoles } from "./access-rule";

export const agreementPolicy = {
  overview: projectRoles("lead", "engineer"),
  detail: projectRoles("lead", "engineer"),
  drift: projectRoles("lead", "engineer"),
  /** Others see annotators under pseudonyms. */
  seeAnnotatorNames: projectRoles("lead"),
};
