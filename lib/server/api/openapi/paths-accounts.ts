import "server-only";
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  ZApiToken,
  ZChangePasswordInput,
  ZCreateTokenInput,
  ZCreateTokenWithPasswordInput,
  ZCreateUserInput,
  ZNewToken,
  ZResetPasswordInput,
  ZUser,
} from "@/lib/schemas/users";
import { op } from "./op";

export const accountPaths: ZodOpenApiPathsObject = {
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
      path: z.object({ id: z.uuid() }),
      ok: [204, null, "Revoked"],
    }),
  },
  "/me/password": {
    post: op({
      summary:
        "Change my password, giving the current one (throttled as a sign-in is): ends my other sessions, renews this one",
      tag: "auth",
      body: ZChangePasswordInput,
      ok: [204, null, "Changed"],
    }),
  },
  "/users": {
    get: op({ summary: "List users (admin)", tag: "users", ok: [200, z.object({ users: z.array(ZUser) })] }),
    post: op({ summary: "Create a user (admin)", tag: "users", body: ZCreateUserInput, ok: [201, ZUser] }),
  },
  "/users/{id}/password": {
    post: op({
      summary: "Set a user's password (admin): ends all of that user's sessions",
      tag: "users",
      path: z.object({ id: z.uuid() }),
      body: ZResetPasswordInput,
      ok: [204, null, "Reset"],
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
    get: op({ summary: "This document", tag: "meta", open: true, ok: [200, z.looseObject({})] }),
  },
};
