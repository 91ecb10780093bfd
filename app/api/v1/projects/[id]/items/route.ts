export { listItemsRoute as GET, importItemsRoute as POST } from "@/lib/server/items/routes";
