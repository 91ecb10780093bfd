export { findEvalSetsRoute as GET } from "@/lib/server/eval-sets/routes";
