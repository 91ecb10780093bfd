export { freezeEvalSetRoute as POST } from "@/lib/server/eval-sets/routes";
