import { z } from "zod";
import {
  ZAnswerItemFlagInput,
  ZCreateItemFlagInput,
  ZFlagParams,
  ZItemFlag,
  ZItemFlagParams,
  ZItemFlagsQuery,
} from "@/lib/schemas/item-flags";
import { ZProjectParams } from "@/lib/schemas/params";
import { defineEndpoint } from "./define-endpoint";

export const createItemFlag = defineEndpoint({
  method: "POST",
  path: "/projects/{id}/items/{itemId}/flags",
  tag: "item flags",
  summary: "Flag an item (unclear, broken, guideline question) with a note; annotators: items served to them",
  params: ZItemFlagParams,
  body: ZCreateItemFlagInput,
  responses: { 201: ZItemFlag },
  examples: { body: { kind: "guideline_question", note: "Is sarcasm negative?" } },
});

export const listItemFlags = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/flags",
  tag: "item flags",
  summary: "The project's item flags: open ones (oldest first), answered, or all",
  params: ZProjectParams,
  query: ZItemFlagsQuery,
  responses: { 200: z.object({ flags: z.array(ZItemFlag) }) },
  examples: { query: { state: "open" } },
});

export const answerItemFlag = defineEndpoint({
  method: "POST",
  path: "/projects/{id}/flags/{flagId}/answer",
  tag: "item flags",
  summary: "Answer a flag; the annotator who raised it sees the answer",
  params: ZFlagParams,
  body: ZAnswerItemFlagInput,
  responses: { 200: ZItemFlag },
  errors: { 409: "The flag was answered already" },
  examples: { body: { answer: "Yes: sarcasm about the product is negative." } },
});

export const listMyItemFlags = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/my/flags",
  tag: "item flags",
  summary: "The caller's own flags in the project, with the answers",
  params: ZProjectParams,
  responses: { 200: z.object({ flags: z.array(ZItemFlag) }) },
});
