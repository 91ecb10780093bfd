import { anyone } from "./access-rule";

export const metaPolicy = {
  health: anyone("liveness, for load balancers"),
  openApi: anyone("the API's description"),
};
