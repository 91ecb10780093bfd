import { projectRoles, queueRoles } from "./access-rule";

export const queuePolicy = {
  // Enforced by the queue's SQL functions (prisma/functions/queue-access.sql): admins label only
  // as members, like everyone else.
  claim: queueRoles("the claim function checks the role", "annotator", "lead"),
  submit: queueRoles("only the annotator holding the assignment", "annotator", "lead"),
  skip: queueRoles("only the annotator holding the assignment", "annotator", "lead"),
  readAssignment: queueRoles("only the annotator holding the assignment", "annotator", "lead"),
  revise: queueRoles("only the annotator who submitted it", "annotator", "lead"),
  readProgress: projectRoles("annotator", "lead"),
  listMine: projectRoles("annotator", "lead"),
};
