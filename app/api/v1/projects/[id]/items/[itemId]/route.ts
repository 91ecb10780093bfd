import { z } from "zod";
import { ZBigintId } from "@/lib/schemas/common";
import { apiRoute } from "@/lib/server/api/api-route";
import { requireProjectRole } from "@/lib/server/auth/project-access";
import { getItem } from "@/lib/server/items/get-item";

export const GET = apiRoute(
  { params: z.object({ id: z.uuid(), itemId: ZBigintId() }) },
  async ({ caller, params }) => {
    await requireProjectRole(caller, params.id, ["lead"]);
    return getItem(params.id, params.itemId);
  },
);
