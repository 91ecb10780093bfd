export { createItemFlagRoute as POST } from "@/lib/server/item-flags/routes";
