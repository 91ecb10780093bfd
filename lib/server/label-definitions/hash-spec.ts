import "server-only";
import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/label-definitions/canonical-json";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export function hashSpec(spec: TLabelDefinitionSpec): { specHash: string; guidelinesHash: string } {
  return { specHash: sha256(canonicalJson(spec)), guidelinesHash: sha256(spec.guidelines) };
}
