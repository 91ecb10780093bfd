export { getItemRoute as GET } from "@/lib/server/items/routes";
