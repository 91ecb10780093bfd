import { queueIdleHeaders } from "@/lib/queue/queue-idle-headers";
import { apiRoute } from "@/lib/server/api/api-route";
import { claimNextItem } from "@/lib/server/queue/claim-next-item";
import { ZProjectParams } from "@/lib/schemas/params";

// The claim checks the caller's role itself (404 outside the project, 403 for engineers), in the
// same round trip: this is the queue's hot path. Nothing to serve is 204, and its headers say why.
export const POST = apiRoute({ params: ZProjectParams, compress: false }, async ({ caller, params }) => {
  const { served, idle } = await claimNextItem(caller.id, params.id);
  return served ?? new Response(null, { status: 204, headers: queueIdleHeaders(idle, Date.now()) });
});
