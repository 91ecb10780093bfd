import { apiRoute } from "@/lib/server/api/api-route";
import { checkDatabase } from "@/lib/server/health/check-database";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ auth: false }, async () => {
  const isUp = await checkDatabase();
  return Response.json({ ok: isUp, db: isUp ? "up" : "down" }, { status: isUp ? 200 : 503 });
});
