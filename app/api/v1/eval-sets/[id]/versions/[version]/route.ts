export { getEvalSetVersionRoute as GET } from "@/lib/server/eval-sets/routes";
