import { apiRoute } from "@/lib/server/api/api-route";
import { forbidden } from "@/lib/server/errors";
import { exportEvalSetVersion } from "@/lib/server/eval-sets/export-eval-set-version";
import { getEvalSetVersion } from "@/lib/server/eval-sets/get-eval-set-version";
import { requireEvalSet } from "@/lib/server/eval-sets/require-eval-set";
import { toWebStream } from "@/lib/server/eval-sets/to-web-stream";
import { ZExportQuery, ZVersionParams } from "@/lib/schemas/eval-sets";

// Streams the file as it is encoded (rows paged from PostgreSQL): constant memory, first bytes at once.
export const GET = apiRoute(
  { params: ZVersionParams, query: ZExportQuery },
  async ({ caller, params, query, requestId }) => {
    const { access } = await requireEvalSet(caller, params.id, ["lead", "engineer"]);
    if (query.annotations && query.annotators === "raw" && access.role === "engineer") {
      throw forbidden("Real annotator ids are for leads; engineers get pseudonyms.");
    }
    const version = await getEvalSetVersion(params.id, params.version);
    const file = exportEvalSetVersion(version, query);
    const headers = new Headers({
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "private, no-store",
      "x-concord-sha256": version.sha256,
    });
    if (file.contentLength !== null) {
      headers.set("content-length", String(file.contentLength));
      headers.set("etag", `"${version.sha256}"`);
    }
    const body = toWebStream(file.chunks, (error) =>
      console.error(`[${requestId}] export failed mid-stream:`, error instanceof Error ? error.stack : error),
    );
    return new Response(body, { status: 200, headers });
  },
);
