export { answerItemFlagRoute as POST } from "@/lib/server/item-flags/routes";
