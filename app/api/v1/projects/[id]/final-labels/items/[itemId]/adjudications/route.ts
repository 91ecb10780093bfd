export { adjudicateItemRoute as POST } from "@/lib/server/final-labels/routes";
