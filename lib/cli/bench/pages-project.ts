// bench:pages's project, built the way a large one arrives: a labeled history through the import
// (items with their annotations from a pool of annotators), then a batch of open items for the
// queue, with a lead, an engineer and the annotators who label during the run as members.
import type { Pool } from "pg";

export type TPagesProject = Awaited<ReturnType<typeof buildPagesProject>>;

export const PAGE_SIZE = 50;

export async function buildPagesProject(
  pool: Pool,
  options: {
    items: number;
    openItems: number;
    annotators: number;
    labelers: number;
    splitEvery: number;
    log: (line: string) => void;
  },
) {
  const { createTestProject, createTestUser, TEST_PASSWORD } = await import("@/lib/testing/factories");
  const { createLabelDefinition } = await import("@/lib/server/label-definitions/create-label-definition");
  const { importSyntheticHistory, SYNTHETIC_DEFINITION } = await import("./synthetic-history");
  const { log } = options;
  const lead = await createTestUser();
  const engineer = await createTestUser();
  const labelers = await Promise.all(Array.from({ length: options.labelers }, () => createTestUser()));
  const project = await createTestProject(
    [
      { userId: lead.id, role: "lead" as const },
      { userId: engineer.id, role: "engineer" as const },
      ...labelers.map((a) => ({ userId: a.id, role: "annotator" as const })),
    ],
    { overlap: 3 },
  );
  await createLabelDefinition(
    project.id,
    { ...SYNTHETIC_DEFINITION, options: [...SYNTHETIC_DEFINITION.options] },
    lead.id,
  );

  let started = performance.now();
  log(`importing ${options.items} items with 3 labels each from ${options.annotators} annotators`);
  const history = await importSyntheticHistory({
    projectId: project.id,
    userId: lead.id,
    items: options.items,
    annotators: options.annotators,
    splitEvery: options.splitEvery,
  });
  const historySeconds = (performance.now() - started) / 1000;
  log(
    `imported ${history.imported} items, ${history.annotations} annotations in ${historySeconds.toFixed(0)} s`,
  );

  started = performance.now();
  const open = await importSyntheticHistory({
    projectId: project.id,
    userId: lead.id,
    items: options.openItems,
    labelsPerItem: 0,
    idPrefix: "open-",
    batchName: "open items",
  });
  const openSeconds = (performance.now() - started) / 1000;
  log(`imported ${open.imported} open items in ${openSeconds.toFixed(0)} s`);
  await pool.query("VACUUM ANALYZE items, assignments, annotations");

  const idOf = async (externalId: string) => {
    const { rows } = await pool.query<{ id: string }>(
      "SELECT id::text FROM items WHERE project_id = $1 AND external_id = $2",
      [project.id, externalId],
    );
    if (!rows[0]) throw new Error(`no item ${externalId}`);
    return rows[0].id;
  };
  // An item from the middle of the history, and one there with a three-way split (unresolved).
  const middle = Math.floor(options.items / 2);
  const unresolved = middle - (middle % options.splitEvery) + options.splitEvery - 1;
  // The items browser's page n starts after the (n - 1) * 50th item in id order (its cursor).
  const total = history.imported + open.imported;
  const deepPage = Math.min(1000, Math.ceil(total / PAGE_SIZE));
  const cursorOf = async (page: number) =>
    (
      await pool.query<{ cursor: string }>(
        // Ordered by the column: `ORDER BY id` would sort the text output column of that name.
        "SELECT id::text AS cursor FROM items WHERE project_id = $1 ORDER BY items.id OFFSET $2 LIMIT 1",
        [project.id, (page - 1) * PAGE_SIZE - 1],
      )
    ).rows[0].cursor;
  return {
    projectId: project.id,
    password: TEST_PASSWORD,
    lead,
    engineer,
    labelers,
    built: {
      historyItems: history.imported,
      historyAnnotations: history.annotations,
      historySeconds: Number(historySeconds.toFixed(1)),
      openItems: open.imported,
      openSeconds: Number(openSeconds.toFixed(1)),
    },
    itemId: await idOf(`item-${middle}`),
    unresolvedItemId: await idOf(`item-${Math.min(unresolved, options.items - 1)}`),
    deepPage,
    deepCursor: await cursorOf(deepPage),
    secondPageCursor: await cursorOf(2),
  };
}
