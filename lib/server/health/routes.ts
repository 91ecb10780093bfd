import "server-only";
import * as endpoints from "@/lib/endpoints/meta";
import { metaPolicy } from "@/lib/policies/meta";
import { defineRoute } from "@/lib/server/api/define-route";
import { checkDatabase } from "./check-database";

export const checkHealthRoute = defineRoute(endpoints.checkHealth, {
  access: metaPolicy.health,
  handler: async () => {
    const isUp = await checkDatabase();
    return Response.json({ ok: isUp, db: isUp ? "up" : "down" }, { status: isUp ? 200 : 503 });
  },
});
