import "server-only";
import * as agreement from "@/lib/server/agreement/routes";
import * as campaigns from "@/lib/server/campaigns/routes";
import * as audit from "@/lib/server/audit/routes";
import * as evalSets from "@/lib/server/eval-sets/routes";
import * as finalLabels from "@/lib/server/final-labels/routes";
import * as health from "@/lib/server/health/routes";
import * as itemFlags from "@/lib/server/item-flags/routes";
import * as invitations from "@/lib/server/invitations/routes";
import * as itemAssignees from "@/lib/server/item-assignees/routes";
import * as items from "@/lib/server/items/routes";
import * as labelDefinitions from "@/lib/server/label-definitions/routes";
import * as projects from "@/lib/server/projects/routes";
import * as queue from "@/lib/server/queue/routes";
import * as tokens from "@/lib/server/tokens/routes";
import * as users from "@/lib/server/users/routes";
import * as webhooks from "@/lib/server/webhooks/routes";
import type { TRoute } from "./define-route";
import * as meta from "./routes";

/**
 * Every /api/v1 endpoint, from each domain's routes.ts. The App Router's route.ts files re-export
 * these; the OpenAPI document, the hot lane and docs/access.md are built from this list alone, and
 * registry.test.ts fails when a route file serves anything that is not in it.
 */
export const ROUTES: readonly TRoute[] = [
  meta,
  health,
  tokens,
  users,
  invitations,
  projects,
  labelDefinitions,
  items,
  queue,
  itemAssignees,
  agreement,
  finalLabels,
  evalSets,
  campaigns,
  itemFlags,
  audit,
  webhooks,
].flatMap((domain) => Object.values(domain) as TRoute[]);
