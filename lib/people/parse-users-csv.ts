import { parse } from "csv-parse/sync";
import type { z } from "zod";
import { ZEmail, ZName } from "@/lib/schemas/common";
import { ZImportRole } from "@/lib/schemas/people";

export type TImportRole = z.infer<typeof ZImportRole>;
export type TUserLine = { line: number; email: string; name: string; role: TImportRole };
export type TLineError = { line: number; path: string; message: string };

// Each new password is hashed with argon2 (tens of ms): a thousand lines take seconds, not minutes.
const MAX_LINES = 1_000;
const PROJECT_ROLES = new Set<TImportRole>(["lead", "annotator", "engineer"]);

/**
 * Lines `email,name,role` (a header line naming those columns is optional) into users to create.
 * Every problem is reported with its line number, so the admin fixes the file once; the caller
 * creates nothing when there is any. `role` is user, admin, or a project role (needs a project).
 */
export function parseUsersCsv(
  text: string,
  { hasProject }: { hasProject: boolean },
): { users: TUserLine[]; errors: TLineError[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { users: [], errors: [{ line, path: "csv", message: (error as Error).message }] };
  }
  const first = records[0]?.record.map((cell) => cell.toLowerCase());
  if (first?.[0] === "email" && first[1] === "name") records = records.slice(1);
  if (records.length === 0) return { users: [], errors: [{ line: 1, path: "csv", message: "has no users" }] };
  if (records.length > MAX_LINES) {
    return {
      users: [],
      errors: [{ line: MAX_LINES + 1, path: "csv", message: `has more than ${MAX_LINES} users` }],
    };
  }
  const users: TUserLine[] = [];
  const errors: TLineError[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { record, info } of records) {
    const line = info.lines;
    if (record.length !== 3) {
      errors.push({ line, path: "csv", message: `has ${record.length} columns; expected email,name,role` });
      continue;
    }
    const email = ZEmail.safeParse(record[0]);
    const name = ZName.safeParse(record[1]);
    const role = ZImportRole.safeParse(record[2].toLowerCase() || "user");
    if (!email.success) errors.push({ line, path: "email", message: email.error.issues[0].message });
    if (!name.success) errors.push({ line, path: "name", message: name.error.issues[0].message });
    if (!role.success) {
      errors.push({ line, path: "role", message: "must be user, admin, lead, annotator or engineer" });
    } else if (PROJECT_ROLES.has(role.data) && !hasProject) {
      errors.push({ line, path: "role", message: `${role.data} is a project role: choose a project` });
    }
    if (email.success) {
      const earlier = firstLineOf.get(email.data);
      if (earlier !== undefined) errors.push({ line, path: "email", message: `repeats line ${earlier}` });
      else firstLineOf.set(email.data, line);
    }
    if (email.success && name.success && role.success) {
      users.push({ line, email: email.data, name: name.data, role: role.data });
    }
  }
  return { users, errors };
}
