import "server-only";
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { ZProblem } from "@/lib/schemas/common";
import { ZAddMemberInput, ZCreateProjectInput, ZMember, ZProject } from "@/lib/schemas/projects";
import {
  ZApiToken,
  ZCreateTokenInput,
  ZCreateTokenWithPasswordInput,
  ZCreateUserInput,
  ZNewToken,
  ZUser,
} from "@/lib/schemas/users";

type TOp = {
  summary: string;
  tag: string;
  body?: z.ZodType;
  ok: [number, z.ZodType | null, string?];
  open?: boolean;
  path?: z.ZodObject;
};

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ZProblem } },
});

function op({ summary, tag, body, ok, open, path }: TOp): ZodOpenApiOperationObject {
  const [status, schema, description] = ok;
  return {
    summary,
    tags: [tag],
    ...(open ? { security: [] } : {}),
    ...(path ? { requestParams: { path } } : {}),
    ...(body ? { requestBody: { content: { "application/json": { schema: body } } } } : {}),
    responses: {
      [status]: schema
        ? { description: description ?? "OK", content: { "application/json": { schema } } }
        : { description: description ?? "No content" },
      400: problem("Bad input: `errors` names each invalid field"),
      401: problem("No or invalid credentials"),
      403: problem("Not allowed"),
      404: problem("Not found, or not visible to the caller"),
    },
  };
}

const projectPath = z.object({ id: z.uuid().meta({ description: "Project id" }) });
const idPath = z.object({ id: z.uuid() });

export const paths: ZodOpenApiPathsObject = {
  "/auth/token": {
    post: op({
      summary: "Exchange an email and password for a new API token (shown once)",
      tag: "auth",
      body: ZCreateTokenWithPasswordInput,
      ok: [201, ZNewToken, "Created"],
      open: true,
    }),
  },
  "/me/tokens": {
    get: op({
      summary: "List my API tokens",
      tag: "auth",
      ok: [200, z.object({ tokens: z.array(ZApiToken) })],
    }),
    post: op({ summary: "Create an API token", tag: "auth", body: ZCreateTokenInput, ok: [201, ZNewToken] }),
  },
  "/me/tokens/{id}": {
    delete: op({
      summary: "Revoke one of my API tokens",
      tag: "auth",
      path: idPath,
      ok: [204, null, "Revoked"],
    }),
  },
  "/users": {
    get: op({ summary: "List users (admin)", tag: "users", ok: [200, z.object({ users: z.array(ZUser) })] }),
    post: op({ summary: "Create a user (admin)", tag: "users", body: ZCreateUserInput, ok: [201, ZUser] }),
  },
  "/projects": {
    get: op({
      summary: "Projects I can see",
      tag: "projects",
      ok: [200, z.object({ projects: z.array(ZProject) })],
    }),
    post: op({
      summary: "Create a project (admin)",
      tag: "projects",
      body: ZCreateProjectInput,
      ok: [201, ZProject],
    }),
  },
  "/projects/{id}": {
    get: op({ summary: "A project", tag: "projects", path: projectPath, ok: [200, ZProject] }),
  },
  "/projects/{id}/members": {
    get: op({
      summary: "Members of a project (lead)",
      tag: "projects",
      path: projectPath,
      ok: [200, z.object({ members: z.array(ZMember) })],
    }),
    post: op({
      summary: "Add a member or change their role (admin, lead)",
      tag: "projects",
      path: projectPath,
      body: ZAddMemberInput,
      ok: [201, ZMember],
    }),
  },
  "/health": {
    get: op({
      summary: "Liveness and database reachability (503 when the database does not answer)",
      tag: "meta",
      open: true,
      ok: [200, z.object({ ok: z.boolean(), db: z.enum(["up", "down"]) })],
    }),
  },
  "/openapi.json": {
    get: op({ summary: "This document", tag: "meta", open: true, ok: [200, z.object({}).passthrough()] }),
  },
};

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
