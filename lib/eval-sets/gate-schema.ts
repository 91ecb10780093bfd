import { z } from "zod";
import { asRule } from "@/lib/schemas/rule-issue";

const ZAgreementMinimum = z
  .number({ message: "must be a number" })
  .refine((v) => v >= -1 && v <= 1, asRule("must be between -1 and 1"));

/**
 * An eval set's release gate: a freeze is refused when, on the items it would take, some label
 * definition's agreement (Krippendorff's alpha), or the lower end of its interval, falls short, or
 * some item has fewer annotations than asked.
 */
export const ZReleaseGate = z
  .strictObject({
    minAlpha: ZAgreementMinimum.optional().meta({ description: "Lowest alpha per definition" }),
    minCiLow: ZAgreementMinimum.optional().meta({
      description: "Lowest lower bound of alpha's 95% interval per definition",
    }),
    minAnnotations: z
      .number({ message: "must be a number" })
      .refine(
        (v) => Number.isInteger(v) && v > 0 && v <= 1000,
        asRule("must be a positive whole number (at most 1000)"),
      )
      .optional()
      .meta({ description: "Fewest annotations any item of the set may have" }),
  })
  .meta({ id: "ReleaseGate" });
export type TReleaseGate = z.infer<typeof ZReleaseGate>;

/** A gate with no minimum set is no gate. */
export function isEmptyGate(gate: TReleaseGate | null | undefined): boolean {
  return !gate || Object.values(gate).every((v) => v === undefined);
}
