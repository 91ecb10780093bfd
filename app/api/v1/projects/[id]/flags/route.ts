export { listItemFlagsRoute as GET } from "@/lib/server/item-flags/routes";
