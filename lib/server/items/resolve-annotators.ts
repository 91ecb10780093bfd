import "server-only";
import type { PoolClient } from "pg";
import { normalizeEmail } from "@/lib/auth/sign-in-throttle-policy";

/** The email under which an external annotator of a project is kept: never a sign-in address. */
export function externalAnnotatorEmail(projectId: string, annotator: string): string {
  return `external:${projectId}:${annotator}`;
}

/**
 * User ids for the annotators named in an import, remembered in `known` across the import's
 * batches. A name that is the email of a Concord account is that account; any other name is an
 * external annotator of the project, created on first sight: a user row that can never sign in
 * (password '!', disabled; a CHECK constraint holds it) and belongs to this project only.
 */
export async function resolveAnnotators(
  client: PoolClient,
  projectId: string,
  names: Iterable<string>,
  known: Map<string, string>,
): Promise<void> {
  const wanted = [...new Set(names)].filter((name) => !known.has(name));
  if (wanted.length === 0) return;
  const emails = wanted.filter((name) => name.includes("@")).map(normalizeEmail);
  if (emails.length > 0) {
    const { rows } = await client.query<{ id: string; email: string }>(
      "SELECT id, email FROM users WHERE external_project_id IS NULL AND email = ANY($1::text[])",
      [emails],
    );
    const byEmail = new Map(rows.map((r) => [r.email, r.id]));
    for (const name of wanted) {
      const id = name.includes("@") ? byEmail.get(normalizeEmail(name)) : undefined;
      if (id !== undefined) known.set(name, id);
    }
  }
  const external = wanted.filter((name) => !known.has(name));
  if (external.length === 0) return;
  const keys = external.map((name) => externalAnnotatorEmail(projectId, name));
  await client.query(
    `INSERT INTO users (email, name, password_hash, disabled_at, external_project_id)
     SELECT k.email, k.name, '!', now(), $1 FROM unnest($2::text[], $3::text[]) AS k(email, name)
     ON CONFLICT (email) DO NOTHING`,
    [projectId, keys, external],
  );
  const { rows } = await client.query<{ id: string; email: string }>(
    "SELECT id, email FROM users WHERE external_project_id = $1 AND email = ANY($2::text[])",
    [projectId, keys],
  );
  const byKey = new Map(rows.map((r) => [r.email, r.id]));
  external.forEach((name, index) => {
    const id = byKey.get(keys[index]);
    if (id === undefined) throw new Error(`external annotator ${name} was not created`);
    known.set(name, id);
  });
}
