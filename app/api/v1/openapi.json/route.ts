import { apiRoute } from "@/lib/server/api/api-route";
import { buildOpenApiDocument } from "@/lib/server/api/openapi-document";

export const GET = apiRoute({ auth: false }, async () => buildOpenApiDocument());
