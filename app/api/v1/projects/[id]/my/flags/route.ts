export { listMyItemFlagsRoute as GET } from "@/lib/server/item-flags/routes";
