import { z } from "zod";
import { ZDefinitionParams, ZLabelDefinition, ZLabelDefinitionInput } from "@/lib/schemas/label-definitions";
import { ZProjectParams } from "@/lib/schemas/params";
import { defineEndpoint } from "./define-endpoint";

const example = {
  key: "sentiment",
  title: "Sentiment",
  kind: "single_choice",
  options: [{ key: "pos" }, { key: "neg" }, { key: "neu" }],
};

export const listLabelDefinitions = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/label-definitions",
  tag: "label definitions",
  summary: "The project's label definitions at their current versions",
  params: ZProjectParams,
  responses: { 200: z.object({ definitions: z.array(ZLabelDefinition) }) },
});

export const createLabelDefinition = defineEndpoint({
  method: "POST",
  path: "/projects/{id}/label-definitions",
  tag: "label definitions",
  summary: "Create a label definition, version 1",
  params: ZProjectParams,
  body: ZLabelDefinitionInput,
  responses: { 201: ZLabelDefinition },
  errors: { 409: "A definition with that key exists: PUT to it for a new version" },
  examples: { body: example },
});

export const updateLabelDefinition = defineEndpoint({
  method: "PUT",
  path: "/projects/{id}/label-definitions/{key}",
  tag: "label definitions",
  summary: "Change a label definition: a new version; an unchanged body returns the current one",
  params: ZDefinitionParams,
  body: ZLabelDefinitionInput,
  responses: { 200: ZLabelDefinition },
  examples: { body: { ...example, guidelines: "Judge the customer's mood, not the agent's." } },
});

export const listLabelDefinitionVersions = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/label-definitions/{key}/versions",
  tag: "label definitions",
  summary: "Every version of a definition, newest first",
  params: ZDefinitionParams,
  responses: { 200: z.object({ versions: z.array(ZLabelDefinition) }) },
});
