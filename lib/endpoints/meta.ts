import { z } from "zod";
import { defineEndpoint } from "./define-endpoint";

export const checkHealth = defineEndpoint({
  method: "GET",
  path: "/health",
  tag: "meta",
  summary: "Liveness and database reachability (503 when the database does not answer)",
  responses: { 200: z.object({ ok: z.boolean(), db: z.enum(["up", "down"]) }) },
  errors: { 503: "The database does not answer" },
  examples: { response: { ok: true, db: "up" } },
});

export const getOpenApiDocument = defineEndpoint({
  method: "GET",
  path: "/openapi.json",
  tag: "meta",
  summary: "This document",
  responses: { 200: z.looseObject({}) },
});
