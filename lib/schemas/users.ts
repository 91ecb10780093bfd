import { z } from "zod";
import { ZEmail, ZName, ZPassword } from "./common";

export const ZCreateUserInput = z
  .object({ email: ZEmail, name: ZName, password: ZPassword, role: z.literal("admin").optional() })
  .strict()
  .meta({ id: "CreateUserInput" });
export type TCreateUserInput = z.infer<typeof ZCreateUserInput>;

export const ZUser = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    isAdmin: z.boolean(),
    canCreateProjects: z.boolean(),
    disabledAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "User" });
export type TUser = z.infer<typeof ZUser>;

export const ZCreateTokenWithPasswordInput = z
  .object({
    email: z.string().max(320, "must be at most 320 characters"),
    password: z.string().max(1024, "must be at most 1024 characters"),
    name: ZName,
  })
  .strict()
  .meta({ id: "CreateTokenWithPasswordInput" });

export const ZCreateTokenInput = z.object({ name: ZName }).strict().meta({ id: "CreateTokenInput" });

export const ZApiToken = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "ApiToken" });
export type TApiToken = z.infer<typeof ZApiToken>;

export const ZNewToken = z
  .object({ token: z.string(), id: z.string(), name: z.string(), prefix: z.string() })
  .meta({ id: "NewToken", description: "The token itself is shown once and never again." });

export const ZChangePasswordInput = z
  .object({
    currentPassword: z.string().max(1024, "must be at most 1024 characters"),
    newPassword: ZPassword,
  })
  .strict()
  .meta({ id: "ChangePasswordInput" });
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;

export const ZResetPasswordInput = z
  .object({ password: ZPassword })
  .strict()
  .meta({ id: "ResetPasswordInput" });
export type TResetPasswordInput = z.infer<typeof ZResetPasswordInput>;
