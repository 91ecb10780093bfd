import { adminOnly, signedIn } from "./access-rule";

export const userPolicy = {
  list: adminOnly(),
  create: adminOnly(),
  resetPassword: adminOnly(),
  update: adminOnly(),
  import: adminOnly(),
  changeOwnPassword: signedIn("the caller's own password, given the current one"),
};
