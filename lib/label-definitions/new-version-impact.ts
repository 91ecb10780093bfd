import { z } from "zod";

/**
 * What saving a new version of a definition leaves behind: every current label of it is then under
 * an older version (by version, with the items holding them), and every frozen eval-set version
 * that carries the definition at its current version becomes stale.
 */
export const ZNewVersionImpact = z.object({
  currentVersion: z.number().int(),
  labels: z.number().int(),
  items: z.number().int(),
  versions: z.array(
    z.object({ version: z.number().int(), labels: z.number().int(), items: z.number().int() }),
  ),
  evalSets: z.number().int(),
  evalSetVersions: z.number().int(),
});
export type TNewVersionImpact = z.infer<typeof ZNewVersionImpact>;
