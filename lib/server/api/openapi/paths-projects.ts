import "server-only";
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { ZBatch, ZImportQuery, ZImportResult, ZItem, ZItemSummary, ZItemsQuery } from "@/lib/schemas/items";
import { ZLabelDefinition, ZLabelDefinitionInput } from "@/lib/schemas/label-definitions";
import {
  ZAddMemberInput,
  ZCreateProjectInput,
  ZMember,
  ZProject,
  ZUpdateProjectInput,
} from "@/lib/schemas/projects";
import { op } from "./op";

const project = z.object({ id: z.uuid().meta({ description: "Project id" }) });
const definition = project.extend({ key: z.string().meta({ description: "Definition key" }) });
const item = project.extend({ itemId: z.string().meta({ description: "Item id" }) });

export const projectPaths: ZodOpenApiPathsObject = {
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
    get: op({ summary: "A project", tag: "projects", path: project, ok: [200, ZProject] }),
    patch: op({
      summary: "Edit a project (lead); archive or unarchive it (admin)",
      tag: "projects",
      path: project,
      body: ZUpdateProjectInput,
      ok: [200, ZProject],
    }),
  },
  "/projects/{id}/members": {
    get: op({
      summary: "Members (lead)",
      tag: "projects",
      path: project,
      ok: [200, z.object({ members: z.array(ZMember) })],
    }),
    post: op({
      summary: "Add a member or change their role (admin, lead)",
      tag: "projects",
      path: project,
      body: ZAddMemberInput,
      ok: [201, ZMember],
    }),
  },
  "/projects/{id}/label-definitions": {
    get: op({
      summary: "The project's label definitions at their current versions",
      tag: "label definitions",
      path: project,
      ok: [200, z.object({ definitions: z.array(ZLabelDefinition) })],
    }),
    post: op({
      summary: "Create a label definition, version 1 (lead)",
      tag: "label definitions",
      path: project,
      body: ZLabelDefinitionInput,
      ok: [201, ZLabelDefinition],
    }),
  },
  "/projects/{id}/label-definitions/{key}": {
    put: op({
      summary: "Change a label definition: a new version (lead); an unchanged body returns the current one",
      tag: "label definitions",
      path: definition,
      body: ZLabelDefinitionInput,
      ok: [200, ZLabelDefinition],
    }),
  },
  "/projects/{id}/label-definitions/{key}/versions": {
    get: op({
      summary: "Every version of a definition, newest first (lead, engineer)",
      tag: "label definitions",
      path: definition,
      ok: [200, z.object({ versions: z.array(ZLabelDefinition) })],
    }),
  },
  "/projects/{id}/items": {
    get: op({
      summary: "Items in import order, keyset-paginated (lead)",
      tag: "items",
      path: project,
      query: ZItemsQuery,
      ok: [200, z.object({ items: z.array(ZItemSummary), nextCursor: z.string().nullable() })],
    }),
    post: op({
      summary: "Import a file as one batch, all or nothing (lead). 422 lists up to 100 bad lines.",
      tag: "items",
      path: project,
      query: ZImportQuery,
      rawBody: {
        "application/x-ndjson": "One record a line: {externalId?, data, priority?, predictions?}",
        "application/json": "A JSON array of such records",
        "text/csv": "A header row, then one record a row; map fields with the query",
      },
      ok: [201, ZImportResult],
    }),
  },
  "/projects/{id}/items/{itemId}": {
    get: op({ summary: "One item (lead)", tag: "items", path: item, ok: [200, ZItem] }),
  },
  "/projects/{id}/batches": {
    get: op({
      summary: "Import batches, newest first (lead)",
      tag: "items",
      path: project,
      ok: [200, z.object({ batches: z.array(ZBatch) })],
    }),
  },
};
