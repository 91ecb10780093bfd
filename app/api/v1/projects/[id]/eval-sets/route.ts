export { listEvalSetsRoute as GET, createEvalSetRoute as POST } from "@/lib/server/eval-sets/routes";
