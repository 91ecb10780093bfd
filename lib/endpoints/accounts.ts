import { z } from "zod";
import { ZIdParams } from "@/lib/schemas/params";
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
import { ZImportUsersInput, ZImportUsersResult, ZPageQuery, ZUpdateUserInput } from "@/lib/schemas/people";
import { defineEndpoint } from "./define-endpoint";

export const exchangePasswordForToken = defineEndpoint({
  method: "POST",
  path: "/auth/token",
  tag: "auth",
  summary: "Exchange an email and password for a new API token (shown once)",
  body: ZCreateTokenWithPasswordInput,
  responses: { 201: ZNewToken },
  errors: {
    401: "Wrong email or password",
    403: "Password sign-in is turned off (CONCORD_PASSWORD_SIGNIN=off)",
    429: "Too many failed attempts from this address",
  },
  examples: { body: { email: "ada@example.com", password: "correct horse battery", name: "laptop CLI" } },
});

export const listMyTokens = defineEndpoint({
  method: "GET",
  path: "/me/tokens",
  tag: "auth",
  summary: "List my API tokens",
  responses: { 200: z.object({ tokens: z.array(ZApiToken) }) },
});

export const createMyToken = defineEndpoint({
  method: "POST",
  path: "/me/tokens",
  tag: "auth",
  summary: "Create an API token (shown once)",
  body: ZCreateTokenInput,
  responses: { 201: ZNewToken },
  examples: { body: { name: "nightly export" } },
});

export const revokeMyToken = defineEndpoint({
  method: "DELETE",
  path: "/me/tokens/{id}",
  tag: "auth",
  summary: "Revoke one of my API tokens",
  params: ZIdParams,
  responses: { 204: null },
});

export const listUsers = defineEndpoint({
  method: "GET",
  path: "/users",
  tag: "users",
  summary: "Users, a page at a time, searched by name or email",
  query: ZPageQuery,
  responses: { 200: z.object({ users: z.array(ZUser), total: z.number().int() }) },
  examples: { query: { q: "grace", offset: "0", limit: "50" } },
});

export const updateUser = defineEndpoint({
  method: "PATCH",
  path: "/users/{id}",
  tag: "users",
  summary:
    "Change a user: admin, may create projects, disabled (a disabled user cannot sign in; their sessions end, their API tokens are refused)",
  params: ZIdParams,
  body: ZUpdateUserInput,
  responses: { 200: ZUser },
  errors: { 409: "Admins cannot disable or demote themselves" },
  examples: { body: { canCreateProjects: true } },
});

export const importUsers = defineEndpoint({
  method: "POST",
  path: "/users/import",
  tag: "users",
  summary:
    "Create users from CSV lines `email,name,role` (all or nothing; errors name the line), each with a password or an invitation link shown once",
  body: ZImportUsersInput,
  responses: { 201: ZImportUsersResult },
  errors: { 409: "An email is taken (the error names its line)" },
  examples: {
    body: { csv: "email,name,role\ngrace@example.com,Grace,user\n", credentials: "invitations" },
  },
});

export const createUser = defineEndpoint({
  method: "POST",
  path: "/users",
  tag: "users",
  summary: "Create a user",
  body: ZCreateUserInput,
  responses: { 201: ZUser },
  errors: { 409: "The email is taken" },
  examples: { body: { email: "grace@example.com", name: "Grace", password: "a long passphrase" } },
});

export const changeMyPassword = defineEndpoint({
  method: "POST",
  path: "/me/password",
  tag: "auth",
  summary:
    "Change my password, giving the current one (throttled as a sign-in is): ends my other sessions, renews this one",
  body: ZChangePasswordInput,
  responses: { 204: null },
  errors: { 429: "Too many wrong current passwords: locked as a sign-in is" },
  examples: { body: { currentPassword: "correct horse battery", newPassword: "a longer passphrase now" } },
});

export const resetUserPassword = defineEndpoint({
  method: "POST",
  path: "/users/{id}/password",
  tag: "users",
  summary: "Set a user's password: ends all of that user's sessions",
  params: ZIdParams,
  body: ZResetPasswordInput,
  responses: { 204: null },
  examples: { body: { password: "a temporary passphrase" } },
});
