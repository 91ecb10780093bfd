export { previewEvalSetRoute as POST } from "@/lib/server/eval-sets/routes";
