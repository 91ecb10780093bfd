import "server-only";
import { createDocument } from "zod-openapi";
import { accountPaths } from "./openapi/paths-accounts";
import { agreementPaths } from "./openapi/paths-agreement";
import { evalSetPaths } from "./openapi/paths-eval-sets";
import { projectPaths } from "./openapi/paths-projects";
import { queuePaths } from "./openapi/paths-queue";

export const paths = { ...accountPaths, ...projectPaths, ...queuePaths, ...evalSetPaths, ...agreementPaths };

export function buildOpenApiDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Concord API",
      version: "1.0.0",
      description: "Projects, label definitions, the labeling queue, agreement and frozen evaluation sets.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API token from POST /auth/token" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
    },
    paths,
  });
}
