export { listBatchesRoute as GET } from "@/lib/server/items/routes";
