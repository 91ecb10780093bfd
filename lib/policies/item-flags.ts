import { projectRoles } from "./access-rule";

export const itemFlagPolicy = {
  /** Annotators flag items they were served (checked in the use case); leads any item. */
  create: projectRoles("annotator", "lead"),
  list: projectRoles("lead"),
  answer: projectRoles("lead"),
  /** The caller's own flags and their answers. */
  mine: projectRoles("annotator", "lead"),
};
