export { listItemAssigneesRoute as GET, assignItemsRoute as POST } from "@/lib/server/item-assignees/routes";
