export { exportEvalSetVersionRoute as GET } from "@/lib/server/eval-sets/routes";
