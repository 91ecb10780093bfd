import { z } from "zod";
import { ZBigintId, ZEmail, ZName, ZPassword, ZProjectRole } from "./common";

/** One page of a long list, searched by name or email. */
export const ZPageQuery = z
  .object({
    q: z.string().trim().max(200, "must be at most 200 characters").optional(),
    offset: z.coerce
      .number("must be a number")
      .int("must be an integer")
      .min(0, "must be at least 0")
      .max(1_000_000, "must be at most 1000000")
      .default(0),
    limit: z.coerce
      .number("must be a number")
      .int("must be an integer")
      .min(1, "must be at least 1")
      .max(200, "must be at most 200")
      .default(50),
  })
  .strict();
export type TPageQuery = z.infer<typeof ZPageQuery>;

export const ZMembersQuery = ZPageQuery.extend({ role: ZProjectRole.optional() }).strict();
export type TMembersQuery = z.infer<typeof ZMembersQuery>;

export const ZUpdateUserInput = z
  .object({
    isAdmin: z.boolean().optional(),
    canCreateProjects: z.boolean().optional(),
    disabled: z.boolean().optional(),
    name: ZName.optional(),
  })
  .strict()
  .meta({ id: "UpdateUserInput" });
export type TUpdateUserInput = z.infer<typeof ZUpdateUserInput>;

export const ZUpdateMemberInput = z.object({ role: ZProjectRole }).strict().meta({ id: "UpdateMemberInput" });
export type TUpdateMemberInput = z.infer<typeof ZUpdateMemberInput>;

export const ZMemberParams = z.object({ id: z.uuid(), userId: z.uuid() });

/** The roles a CSV line may give: a project role needs the import to name a project. */
export const ZImportRole = z.enum(["user", "admin", "lead", "annotator", "engineer"]);

export const ZImportUsersInput = z
  .object({
    csv: z.string().min(1, "must not be empty").max(1_000_000, "must be at most 1000000 characters"),
    projectId: z.uuid("must be a project id").optional(),
    /** Each new user gets a generated password, or an invitation link to set their own. */
    credentials: z.enum(["passwords", "invitations"]).default("invitations"),
  })
  .strict()
  .meta({ id: "ImportUsersInput" });
export type TImportUsersInput = z.infer<typeof ZImportUsersInput>;

export const ZImportedUser = z.object({
  email: z.string(),
  name: z.string(),
  role: ZImportRole,
  password: z.string().optional().meta({ description: "Shown once" }),
  invitationUrl: z.string().optional().meta({ description: "Shown once" }),
});
export const ZImportUsersResult = z
  .object({ created: z.array(ZImportedUser) })
  .meta({ id: "ImportUsersResult" });
export type TImportUsersResult = z.infer<typeof ZImportUsersResult>;

export const ZCreateInvitationInput = z
  .object({
    email: ZEmail,
    role: ZProjectRole.optional(),
    projectId: z.uuid("must be a project id").optional(),
    isAdmin: z.boolean().optional(),
  })
  .strict()
  .meta({ id: "CreateInvitationInput" });
export type TCreateInvitationInput = z.infer<typeof ZCreateInvitationInput>;

export const ZProjectInvitationInput = z
  .object({ email: ZEmail, role: ZProjectRole })
  .strict()
  .meta({ id: "ProjectInvitationInput" });
export type TProjectInvitationInput = z.infer<typeof ZProjectInvitationInput>;

export const ZNewInvitation = z
  .object({
    id: z.string(),
    email: z.string(),
    url: z.string().meta({ description: "The link to hand over; shown once, never again" }),
    expiresAt: z.string(),
  })
  .meta({ id: "NewInvitation" });
export type TNewInvitation = z.infer<typeof ZNewInvitation>;

export const ZInvitationParams = z.object({
  token: z.string().regex(/^inv_[A-Za-z0-9_-]{43}$/, "must be an invitation token"),
});

export const ZInvitation = z
  .object({
    email: z.string(),
    projectName: z.string().nullable(),
    role: ZProjectRole.nullable(),
    expiresAt: z.string(),
  })
  .meta({ id: "Invitation" });
export type TInvitation = z.infer<typeof ZInvitation>;

export const ZAcceptInvitationInput = z
  .object({ name: ZName, password: ZPassword })
  .strict()
  .meta({ id: "AcceptInvitationInput" });
export type TAcceptInvitationInput = z.infer<typeof ZAcceptInvitationInput>;

export const ZAssignItemsInput = z
  .object({
    annotators: z
      .array(ZEmail)
      .min(1, "must name at least one annotator")
      .max(500, "must be at most 500 annotators"),
    batchId: z.uuid("must be a batch id").optional(),
    itemIds: z.array(ZBigintId("must be an item id")).max(100_000, "must be at most 100000 items").optional(),
  })
  .strict()
  .meta({
    id: "AssignItemsInput",
    description: "Give batchId, itemIds or both (items in the batch and the list)",
  });
export type TAssignItemsInput = z.infer<typeof ZAssignItemsInput>;

export const ZReleaseItemsInput = z
  .object({
    batchId: z.uuid("must be a batch id").optional(),
    itemIds: z.array(ZBigintId("must be an item id")).max(100_000, "must be at most 100000 items").optional(),
  })
  .strict()
  .meta({ id: "ReleaseItemsInput" });
export type TReleaseItemsInput = z.infer<typeof ZReleaseItemsInput>;

export const ZItemReservations = z
  .object({
    reservedItems: z.number().int(),
    annotators: z.array(
      z.object({ userId: z.string(), email: z.string(), name: z.string(), items: z.number().int() }),
    ),
  })
  .meta({ id: "ItemReservations" });
export type TItemReservations = z.infer<typeof ZItemReservations>;
