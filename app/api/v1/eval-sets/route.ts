import { apiRoute } from "@/lib/server/api/api-route";
import { findEvalSets } from "@/lib/server/eval-sets/find-eval-sets";
import { ZEvalSetsQuery } from "@/lib/schemas/eval-sets";

export const GET = apiRoute({ query: ZEvalSetsQuery }, async ({ caller, query }) => ({
  evalSets: await findEvalSets(caller, query),
}));
