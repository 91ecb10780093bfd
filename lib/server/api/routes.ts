import "server-only";
import * as endpoints from "@/lib/endpoints/meta";
import { metaPolicy } from "@/lib/policies/meta";
import { defineRoute } from "./define-route";

export const getOpenApiDocumentRoute = defineRoute(endpoints.getOpenApiDocument, {
  access: metaPolicy.openApi,
  // Imported when asked: the document is built from the registry, which lists this route.
  handler: async () => (await import("./openapi-document")).buildOpenApiDocument(),
});
