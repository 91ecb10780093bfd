// A project ready for labeling, for queue tests: definitions, items, and annotators.
import { POST as createDefinition } from "@/app/api/v1/projects/[id]/label-definitions/route";
import { POST as importRoute } from "@/app/api/v1/projects/[id]/items/route";
import { POST as nextRoute } from "@/app/api/v1/projects/[id]/queue/next/route";
import { POST as submitRoute } from "@/app/api/v1/assignments/[id]/submit/route";
import { callRoute } from "./call-route";
import { createTestProject, createTestUser } from "./factories";

export async function createLabelingProject(options: {
  items: number;
  overlap: number;
  annotators: number;
  leaseSeconds?: number;
  definitions?: unknown[];
  data?: (i: number) => Record<string, unknown>;
}) {
  const lead = await createTestUser();
  const annotators = await Promise.all(Array.from({ length: options.annotators }, () => createTestUser()));
  const project = await createTestProject(
    [
      { userId: lead.id, role: "lead" },
      ...annotators.map((a) => ({ userId: a.id, role: "annotator" as const })),
    ],
    { overlap: options.overlap, leaseSeconds: options.leaseSeconds ?? 600 },
  );
  const params = { id: project.id };
  const definitions = options.definitions ?? [
    { key: "sentiment", kind: "single_choice", options: [{ key: "pos" }, { key: "neg" }, { key: "neu" }] },
  ];
  for (const json of definitions) {
    const res = await callRoute(createDefinition, { token: lead.token, params, json });
    if (res.status !== 201) throw new Error(`definition: ${JSON.stringify(res.body)}`);
  }
  const body = Array.from({ length: options.items }, (_, i) =>
    JSON.stringify({ externalId: `item-${i}`, data: options.data?.(i) ?? { text: `Item number ${i}` } }),
  ).join("\n");
  const imported = await callRoute(importRoute, {
    token: lead.token,
    params,
    body,
    headers: { "content-type": "application/x-ndjson" },
  });
  if (imported.status !== 201) throw new Error(`import: ${JSON.stringify(imported.body)}`);
  return { lead, annotators, project, params };
}

/** A single-choice, an optional multi-choice and a rating definition: the kinds agreement rolls up. */
export const AGREEMENT_DEFINITIONS = [
  { key: "sentiment", kind: "single_choice", options: [{ key: "pos" }, { key: "neg" }, { key: "neu" }] },
  {
    key: "topics",
    kind: "multi_choice",
    required: false,
    options: [{ key: "food" }, { key: "price" }, { key: "staff" }],
  },
  { key: "score", kind: "rating", min: 1, max: 5 },
];

/** `POST /projects/{id}/queue/next` with an annotator's token. */
export const claimAs = (token: string, params: { id: string }) =>
  callRoute(nextRoute, { method: "POST", token, params });

/** `POST /assignments/{id}/submit` with an annotator's token; `query` such as "?next=1". */
export const submitAs = (token: string, assignmentId: string, values: Record<string, unknown>, query = "") =>
  callRoute(submitRoute, { token, params: { id: assignmentId }, path: `/x${query}`, json: { values } });
