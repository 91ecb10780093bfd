import "server-only";
import type { TExportQuery } from "@/lib/schemas/eval-sets";
import { exportEvalSetVersion } from "./export-eval-set-version";
import type { getEvalSetVersion } from "./get-eval-set-version";
import { toWebStream } from "./to-web-stream";

/**
 * The download of a frozen version, streamed as it is encoded (rows paged from PostgreSQL):
 * constant memory, first bytes at once.
 */
export function exportResponse(
  version: Awaited<ReturnType<typeof getEvalSetVersion>>,
  query: TExportQuery,
  requestId: string,
): Response {
  const file = exportEvalSetVersion(version, query);
  const headers = new Headers({
    "content-type": file.contentType,
    "content-disposition": `attachment; filename="${file.fileName}"`,
    "cache-control": "private, no-store",
    "x-concord-sha256": version.sha256,
  });
  if (file.contentLength !== null) {
    headers.set("content-length", String(file.contentLength));
    headers.set("etag", `"${file.sha256 ?? version.sha256}"`);
  }
  if (file.sha256 !== undefined && file.sha256 !== version.sha256) {
    // The preference pairs' own hash, as the manifest records it.
    headers.set("x-concord-file-sha256", file.sha256);
  }
  const body = toWebStream(file.chunks, (error) =>
    console.error(`[${requestId}] export failed mid-stream:`, error instanceof Error ? error.stack : error),
  );
  return new Response(body, { status: 200, headers });
}
