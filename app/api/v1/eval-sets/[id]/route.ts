export { getEvalSetRoute as GET, updateEvalSetRoute as PATCH } from "@/lib/server/eval-sets/routes";
