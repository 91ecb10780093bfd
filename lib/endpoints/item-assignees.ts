import { ZProjectParams } from "@/lib/schemas/params";
import { ZAssignItemsInput, ZItemReservations, ZReleaseItemsInput } from "@/lib/schemas/people";
import { defineEndpoint } from "./define-endpoint";

export const listItemAssignees = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/item-assignees",
  tag: "queue",
  summary: "Items reserved for named annotators: how many, and for whom",
  params: ZProjectParams,
  responses: { 200: ZItemReservations },
});

export const assignItems = defineEndpoint({
  method: "POST",
  path: "/projects/{id}/item-assignees",
  tag: "queue",
  summary:
    "Reserve a batch or a list of items for named annotators: the queue serves those items to them only",
  params: ZProjectParams,
  body: ZAssignItemsInput,
  responses: { 200: ZItemReservations },
  errors: { 422: "An annotator is not one of the project's annotators or leads, or no item matched" },
  examples: { body: { annotators: ["grace@example.com"], batchId: "0193c1c4-5b7e-7c2a-9d55-1f3e1c7a2b10" } },
});

export const releaseItems = defineEndpoint({
  method: "POST",
  path: "/projects/{id}/item-assignees/release",
  tag: "queue",
  summary: "End the reservation of a batch or a list of items (all of the project's, given neither)",
  params: ZProjectParams,
  body: ZReleaseItemsInput,
  responses: { 200: ZItemReservations },
  examples: { body: { batchId: "0193c1c4-5b7e-7c2a-9d55-1f3e1c7a2b10" } },
});
