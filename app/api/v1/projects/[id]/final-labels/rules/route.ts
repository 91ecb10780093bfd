export { listFinalLabelRulesRoute as GET } from "@/lib/server/final-labels/routes";
