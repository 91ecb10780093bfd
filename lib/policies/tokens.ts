import { anyone, signedIn } from "./access-rule";

export const tokenPolicy = {
  exchangePassword: anyone("proves who it is with an email and password"),
  list: signedIn("the caller's own tokens"),
  create: signedIn("a token for the caller"),
  revoke: signedIn("the caller's own tokens"),
};
