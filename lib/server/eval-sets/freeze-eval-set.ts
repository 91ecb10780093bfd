import "server-only";
import type { PoolClient } from "pg";
import { getPool } from "@/lib/db";
import { ZEvalSetFilter } from "@/lib/eval-sets/filter-schema";
import { buildManifest, type TManifestDefinition } from "@/lib/eval-sets/manifest";
import { ZReleaseGate } from "@/lib/eval-sets/gate-schema";
import { GateTally } from "@/lib/eval-sets/release-gate";
import { SetStatistics } from "@/lib/eval-sets/set-statistics";
import { describeRule } from "@/lib/final-labels/rules";
import { conflict, notFound, unprocessable } from "@/lib/server/errors";
import { loadLabelContext, type TDefinitionContext } from "@/lib/server/final-labels/load-label-context";
import {
  READER_REFRESH_LIMIT,
  refreshStaleReviewStates,
} from "@/lib/server/final-labels/refresh-stale-review-states";
import type { TEvalSetVersion } from "@/lib/schemas/eval-sets";
import { announceFreeze } from "./announce-freeze";
import { checkGate } from "./check-gate";
import { digestPreference, preferenceSources } from "@/lib/export/preference";
import { insertVersionItems } from "./insert-version-items";
import { readVersionRows } from "./read-version-rows";
import { prepareFilter } from "./prepare-filter";
import { sealVersion, VersionDigest } from "./seal-version";
import { selectEvalSetItems } from "./select-eval-set-items";

type TFreezer = { id: string; name: string };
type TFreezeOptions = { override?: { reason: string } };

/**
 * Freezes the eval set's current filter as its next version (v1, v2, ...): a snapshot of each
 * selected item's data, final labels and annotations, with its manifest and the sha256 of its
 * canonical JSONL. One REPEATABLE READ transaction, so everything is read as of one moment; a
 * concurrent freeze of the same set makes one of them retry.
 */
export async function freezeEvalSet(
  evalSetId: string,
  freezer: TFreezer,
  options: TFreezeOptions = {},
): Promise<TEvalSetVersion> {
  // Stale review states are recomputed and stored first (up to a bound), outside the snapshot: the
  // transaction then reads the candidates' stored labels and labels only what is still stale.
  const { rows: owner } = await getPool().query<{ project_id: string }>(
    "SELECT project_id FROM eval_sets WHERE id = $1",
    [evalSetId],
  );
  if (owner.length > 0) {
    const projectId = owner[0].project_id;
    const all = await loadLabelContext(getPool(), projectId);
    await refreshStaleReviewStates(getPool(), projectId, all, READER_REFRESH_LIMIT);
  }
  for (let attempt = 1; ; attempt++) {
    const client = await getPool().connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
      const version = await freezeInTransaction(client, evalSetId, freezer, options);
      await client.query("COMMIT");
      return version;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      const code = (error as { code?: string }).code;
      const isRace = code === "23505" || code === "40001";
      if (isRace && attempt < 3) continue;
      if (isRace) throw conflict("Another freeze of this eval set is running; try again.");
      throw error;
    } finally {
      client.release();
    }
  }
}

async function freezeInTransaction(
  client: PoolClient,
  evalSetId: string,
  freezer: TFreezer,
  options: TFreezeOptions,
): Promise<TEvalSetVersion> {
  const { rows: sets } = await client.query<{
    project_id: string;
    name: string;
    description: string;
    filter: unknown;
    gate: unknown;
    project_name: string;
    next_version: number;
  }>(
    `SELECT s.project_id, s.name, s.description, s.filter, s.gate, p.name AS project_name,
            (SELECT coalesce(max(version), 0) + 1 FROM eval_set_versions v WHERE v.eval_set_id = s.id) AS next_version
       FROM eval_sets s JOIN projects p ON p.id = s.project_id
      WHERE s.id = $1 FOR UPDATE OF s`,
    [evalSetId],
  );
  if (sets.length === 0) throw notFound("Eval set");
  const set = sets[0];
  const filter = ZEvalSetFilter.parse(set.filter);
  const prepared = await prepareFilter(client, set.project_id, filter);
  const { rows: inserted } = await client.query<{ id: string }>(
    `INSERT INTO eval_set_versions (eval_set_id, version, filter, frozen_by_id) VALUES ($1, $2, $3, $4) RETURNING id`,
    [evalSetId, set.next_version, JSON.stringify(filter), freezer.id],
  );
  const versionId = inserted[0].id;
  const statistics = new SetStatistics(prepared.definitions);
  const answered = new Map(prepared.definitions.map((d) => [d.key, new Set<number>([d.currentVersion])]));
  const gate = set.gate === null ? null : ZReleaseGate.parse(set.gate);
  const tally = gate ? new GateTally(prepared.definitions) : null;
  const digest = new VersionDigest();
  const selection = await selectEvalSetItems(client, set.project_id, prepared, {
    withData: true,
    snapshot: client,
  });
  for await (const page of selection.pages) {
    for (const item of page) {
      statistics.add(item.labels, item.annotationCount);
      tally?.add(item.annotations);
      for (const [key, versions] of Object.entries(item.versions)) {
        for (const v of versions) answered.get(key)?.add(v);
      }
    }
    await insertVersionItems(client, {
      versionId,
      items: page,
      definitions: prepared.definitions,
      digest,
    });
  }
  const stats = statistics.result();
  if (stats.items === 0) {
    throw unprocessable("No item matches the filter: there is nothing to freeze.", [
      { path: "filter", message: "matches no items" },
    ]);
  }
  const gateRecord =
    gate && tally ? await checkGate(client, gate, tally, { ...set, evalSetId, freezer, options }) : null;
  // The preference pairs the final labels imply: their count and hash go into the manifest, and the
  // definitions' fields with them, so a later export needs nothing but the frozen version.
  const sources = preferenceSources(prepared.definitions.map((d) => d.spec));
  const preference =
    sources.length === 0
      ? null
      : { sources, ...(await digestPreference(readVersionRows(client, versionId), sources)) };
  const sealed = await sealVersion(client, {
    versionId,
    written: digest,
    labelKeys: prepared.definitions.map((d) => d.key),
    manifestFor: (s) => ({
      ...buildManifest({
        evalSet: { id: evalSetId, name: set.name, description: set.description },
        project: { id: set.project_id, name: set.project_name },
        version: set.next_version,
        versionId,
        filter,
        candidates: selection.counts.candidates,
        statistics: stats,
        definitions: prepared.definitions.map((d) => manifestDefinition(d, answered.get(d.key)!)),
        columns: s.columns,
        sha256: s.sha256,
        bytes: s.bytes,
        frozenBy: freezer,
        frozenAt: s.frozenAt.toISOString(),
        preference,
      }),
      ...(gateRecord ? { releaseGate: gateRecord } : {}),
    }),
  });
  await announceFreeze(client, {
    projectId: set.project_id,
    evalSetId,
    name: set.name,
    version: set.next_version,
    versionId,
    sha256: sealed.sha256,
    items: sealed.rows,
    freezer,
  });
  return {
    id: versionId,
    evalSetId,
    version: set.next_version,
    itemCount: sealed.rows,
    byteCount: sealed.bytes,
    sha256: sealed.sha256,
    filter: filter as Record<string, unknown>,
    frozenAt: sealed.frozenAt.toISOString(),
    frozenBy: freezer,
  };
}

function manifestDefinition(d: TDefinitionContext, versions: Set<number>): TManifestDefinition {
  return {
    key: d.key,
    title: d.title,
    kind: d.kind,
    required: d.isRequired,
    rule: describeRule(d.rule, d.kind),
    currentVersion: d.currentVersion,
    versions: [...versions]
      .sort((a, b) => a - b)
      .map((version) => {
        const info = d.versions.get(version);
        return { version, specHash: info?.specHash ?? "", guidelinesHash: info?.guidelinesHash ?? "" };
      }),
  };
}
