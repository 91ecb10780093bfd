import { z } from "zod";
import { ZProjectParams } from "@/lib/schemas/params";
import {
  ZAddMemberInput,
  ZCreateProjectInput,
  ZMember,
  ZProject,
  ZUpdateProjectInput,
} from "@/lib/schemas/projects";
import { defineEndpoint } from "./define-endpoint";

export const listProjects = defineEndpoint({
  method: "GET",
  path: "/projects",
  tag: "projects",
  summary: "Projects I can see",
  responses: { 200: z.object({ projects: z.array(ZProject) }) },
});

export const createProject = defineEndpoint({
  method: "POST",
  path: "/projects",
  tag: "projects",
  summary: "Create a project",
  body: ZCreateProjectInput,
  responses: { 201: ZProject },
  errors: { 409: "A project with that name exists" },
  examples: { body: { name: "Support tickets", overlap: 3 } },
});

export const getProject = defineEndpoint({
  method: "GET",
  path: "/projects/{id}",
  tag: "projects",
  summary: "A project",
  params: ZProjectParams,
  responses: { 200: ZProject },
});

export const updateProject = defineEndpoint({
  method: "PATCH",
  path: "/projects/{id}",
  tag: "projects",
  summary: "Edit a project; archiving or unarchiving it is an admin's call",
  params: ZProjectParams,
  body: ZUpdateProjectInput,
  responses: { 200: ZProject },
  errors: {
    409: "A project with that name exists",
    422: "A hidden field is one that a label definition shows (a spans text, a pairwise side)",
  },
  examples: {
    body: { description: "Tickets from the EU help desk", leaseSeconds: 900, hiddenFields: ["gold"] },
  },
});

export const listMembers = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/members",
  tag: "projects",
  summary: "Members",
  params: ZProjectParams,
  responses: { 200: z.object({ members: z.array(ZMember) }) },
});

export const addMember = defineEndpoint({
  method: "POST",
  path: "/projects/{id}/members",
  tag: "projects",
  summary: "Add a member or change their role",
  params: ZProjectParams,
  body: ZAddMemberInput,
  responses: { 201: ZMember },
  errors: { 422: "No user has that email" },
  examples: { body: { email: "grace@example.com", role: "annotator" } },
});
