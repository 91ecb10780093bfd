// Loads the Toxic Spans fixture into a new project with its crowd annotations, for integration tests
// (the annotation import of issue #12 does not exist yet: labels go in as the demo seed's do).
import path from "node:path";
import { POST as createDefinition } from "@/app/api/v1/projects/[id]/label-definitions/route";
import { POST as importRoute } from "@/app/api/v1/projects/[id]/items/route";
import { readToxicSpansFiles, TOXIC_SPANS_FIXTURE } from "@/lib/cli/build-fixtures/toxic-spans";
import { parseToxicSpans, toxicSpansForConcord, TOXIC_SPAN_TYPES } from "@/lib/import/toxic-spans";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { insertCrowdAnnotations } from "@/lib/server/demo/insert-crowd-annotations";
import { callRoute } from "./call-route";
import { createTestProject, createTestUser, uniqueName } from "./factories";

export const TOXIC_SPANS_DIR = path.join(process.cwd(), TOXIC_SPANS_FIXTURE);

/**
 * A project with one spans definition (`toxic`, on the item's `text`) and the fixture's posts in two
 * batches (first half, second half); every worker's annotation, spread over the last `days` days.
 */
export async function seedToxicSpansProject(options: { days?: number } = {}) {
  const data = toxicSpansForConcord(parseToxicSpans(readToxicSpansFiles(TOXIC_SPANS_DIR)));
  const lead = await createTestUser();
  const project = await createTestProject([{ userId: lead.id, role: "lead" }], { overlap: 7 });
  const params = { id: project.id };
  const definition = await callRoute(createDefinition, {
    token: lead.token,
    params,
    json: { key: "toxic", kind: "spans", textField: "text", options: TOXIC_SPAN_TYPES },
  });
  if (definition.status !== 201) throw new Error(`definition: ${JSON.stringify(definition.body)}`);
  const half = Math.ceil(data.items.length / 2);
  for (const batch of [data.items.slice(0, half), data.items.slice(half)]) {
    const imported = await callRoute(importRoute, {
      token: lead.token,
      params,
      body: batch.map((item) => JSON.stringify(item)).join("\n"),
      headers: { "content-type": "application/x-ndjson" },
    });
    if (imported.status !== 201) throw new Error(`import: ${JSON.stringify(imported.body)}`);
  }
  const order = new Map(data.items.map((item, i) => [item.externalId, i]));
  const domain = `${uniqueName("toxic-spans")}.example`;
  await withTransaction((client) =>
    insertCrowdAnnotations(client, {
      projectId: project.id,
      definitionKey: "toxic",
      labels: data.labels.map((l) => ({
        externalId: l.externalId,
        worker: l.worker,
        value: l.spans,
        index: order.get(l.externalId)!,
      })),
      emailDomain: domain,
      namePrefix: "Toxic Spans worker ",
      days: options.days,
    }),
  );
  return { lead, project, params, data };
}
