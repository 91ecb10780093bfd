export { releaseItemsRoute as POST } from "@/lib/server/item-assignees/routes";
