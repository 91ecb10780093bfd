export { getOpenApiDocumentRoute as GET } from "@/lib/server/api/routes";
