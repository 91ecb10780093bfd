export { diffEvalSetVersionsRoute as GET } from "@/lib/server/eval-sets/routes";
