export { setFinalLabelRuleRoute as PUT } from "@/lib/server/final-labels/routes";
