import { z } from "zod";
import { ZProjectParams } from "@/lib/schemas/params";
import {
  ZAcceptInvitationInput,
  ZCreateInvitationInput,
  ZInvitation,
  ZInvitationParams,
  ZNewInvitation,
  ZProjectInvitationInput,
} from "@/lib/schemas/people";
import { defineEndpoint } from "./define-endpoint";

export const createInvitation = defineEndpoint({
  method: "POST",
  path: "/invitations",
  tag: "invitations",
  summary: "Invite someone by a link (single use, expires in 7 days), optionally into a project with a role",
  body: ZCreateInvitationInput,
  responses: { 201: ZNewInvitation },
  errors: { 409: "A user with that email exists", 422: "No such project" },
  examples: { body: { email: "grace@example.com" } },
});

export const createProjectInvitation = defineEndpoint({
  method: "POST",
  path: "/projects/{id}/invitations",
  tag: "invitations",
  summary: "Invite someone into this project with a role, by a link (single use, expires in 7 days)",
  params: ZProjectParams,
  body: ZProjectInvitationInput,
  responses: { 201: ZNewInvitation },
  errors: { 409: "A user with that email exists: add them as a member" },
  examples: { body: { email: "grace@example.com", role: "annotator" } },
});

export const getInvitation = defineEndpoint({
  method: "GET",
  path: "/invitations/{token}",
  tag: "invitations",
  summary: "What an invitation link offers, while it is open",
  params: ZInvitationParams,
  responses: { 200: ZInvitation },
  errors: { 410: "The invitation was used or has expired" },
});

export const acceptInvitation = defineEndpoint({
  method: "POST",
  path: "/invitations/{token}/accept",
  tag: "invitations",
  summary: "Create my account from an invitation: it can be used once",
  params: ZInvitationParams,
  body: ZAcceptInvitationInput,
  responses: { 201: z.object({ email: z.string() }) },
  errors: { 409: "A user with that email exists", 410: "The invitation was used or has expired" },
  examples: { body: { name: "Grace Hopper", password: "a long passphrase" } },
});
