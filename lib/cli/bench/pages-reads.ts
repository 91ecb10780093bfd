// bench:pages's readers: every lead and engineer page (the HTML route, timed to its last byte) and
// the /api/v1 reads behind them, requested in turn, round after round, by one reader at a time.
import { send } from "./bench-http";
import type { TReadSamples, TReadSpec } from "./pages-report";
import type { TPagesProject } from "./pages-project";

export type TRead = TReadSpec & {
  body?: unknown;
  expect: number;
  /** Timed to the first byte of the body: a download that starts. */
  firstByteOnly?: boolean;
  /** Fewer rounds than the others: a preview reads, a freeze also writes, every item the filter matches. */
  repeats?: number;
};

export const FLOOR_READ = "project (floor)";
export const PAGE_LIMIT_MS = 500;
export const AGREEMENT_OVERVIEW_LIMIT_MS = 300;

/** The reads, in the order a round makes them; the freeze makes version 1 before the first export. */
export function pagesReads(
  project: TPagesProject,
  evalSet: { id: string; filter: unknown },
  freezeRepeats: number,
): TRead[] {
  const p = `/projects/${project.projectId}`;
  const api = `/api/v1${p}`;
  const deep = `after=${project.deepCursor}`;
  const page = (name: string, path: string, as: "lead" | "engineer" = "lead"): TRead => ({
    name,
    kind: "page",
    as,
    method: "GET",
    path,
    expect: 200,
    limitMs: PAGE_LIMIT_MS,
  });
  const get = (
    name: string,
    path: string,
    as: "lead" | "engineer" = "lead",
    limitMs = PAGE_LIMIT_MS,
  ): TRead => ({
    name,
    kind: "api",
    as,
    method: "GET",
    path,
    expect: 200,
    limitMs,
  });
  const exportPath = `/api/v1/eval-sets/${evalSet.id}/versions/1/export?format=jsonl&annotations=true`;
  return [
    { name: "health", kind: "floor", as: "anyone", method: "GET", path: "/api/v1/health", expect: 200 },
    { name: FLOOR_READ, kind: "floor", as: "lead", method: "GET", path: api, expect: 200 },
    page("overview page", p),
    page("items page 1", `${p}/items`),
    page(`items page ${project.deepPage}`, `${p}/items?${deep}`),
    page("item page", `${p}/items/${project.itemId}`),
    page("agreement page (overview + drift)", `${p}/agreement`),
    page("agreement page (overview + drift), engineer", `${p}/agreement`, "engineer"),
    page("drill-down page", `${p}/agreement/sentiment`),
    page("drill-down page, engineer", `${p}/agreement/sentiment`, "engineer"),
    page("review queue page", `${p}/adjudication`),
    page("review item page (next unresolved)", `${p}/adjudication/${project.unresolvedItemId}`),
    page("eval set page", `${p}/eval-sets/${evalSet.id}`),
    get("items API page 1", `${api}/items`),
    get(`items API page ${project.deepPage}`, `${api}/items?${deep}`),
    get("item API", `${api}/items/${project.itemId}`),
    get("agreement overview API", `${api}/agreement`, "lead", AGREEMENT_OVERVIEW_LIMIT_MS),
    get("agreement overview API, engineer", `${api}/agreement`, "engineer", AGREEMENT_OVERVIEW_LIMIT_MS),
    get("drill-down API", `${api}/agreement/definitions/sentiment`),
    get("drill-down API, engineer", `${api}/agreement/definitions/sentiment`, "engineer"),
    get("drift API", `${api}/agreement/drift`),
    get("review queue API", `${api}/final-labels?state=unresolved&limit=25`),
    get("next unresolved API (review item)", `${api}/final-labels/items/${project.unresolvedItemId}`),
    {
      name: "eval-set preview API",
      kind: "api",
      as: "lead",
      method: "POST",
      path: `${api}/eval-sets/preview`,
      body: { filter: evalSet.filter },
      expect: 200,
      limitMs: PAGE_LIMIT_MS,
      repeats: freezeRepeats,
    },
    {
      name: "freeze",
      kind: "action",
      as: "lead",
      method: "POST",
      path: `/api/v1/eval-sets/${evalSet.id}/freeze`,
      body: {},
      expect: 201,
      repeats: freezeRepeats,
    },
    {
      name: "export start (first byte)",
      kind: "api",
      as: "lead",
      method: "GET",
      path: exportPath,
      expect: 200,
      firstByteOnly: true,
      limitMs: PAGE_LIMIT_MS,
    },
    {
      name: "export start (first byte), engineer",
      kind: "api",
      as: "engineer",
      method: "GET",
      path: exportPath,
      expect: 200,
      firstByteOnly: true,
      limitMs: PAGE_LIMIT_MS,
    },
  ];
}

/** Who asks: a page with the session cookie, an API read with the API token, the floor's health check as anyone. */
export type TReaderAuth = {
  lead: { cookie: string; token: string };
  engineer: { cookie: string; token: string };
};

function headersFor(read: TRead, auth: TReaderAuth): Record<string, string> {
  const body: Record<string, string> = read.body === undefined ? {} : { "content-type": "application/json" };
  if (read.as === "anyone") return body;
  const who = auth[read.as];
  return read.kind === "page"
    ? { ...body, accept: "text/html", cookie: who.cookie }
    : { ...body, accept: "application/json", authorization: `Bearer ${who.token}` };
}

/**
 * `repeats` rounds of the reads, one request at a time; each read's times and unexpected answers.
 * `pauseMs` between reads: a lead who looks at each page before the next (0: back to back, as many
 * reads as the server can answer, so the faster the reads the more of the machine the reader takes).
 */
export async function runReaders(
  baseUrl: string,
  reads: TRead[],
  auth: TReaderAuth,
  repeats: number,
  log: (line: string) => void,
  pauseMs = 0,
): Promise<Record<string, TReadSamples>> {
  const samples: Record<string, TReadSamples> = Object.fromEntries(
    reads.map((r) => [r.name, { ms: [], errors: 0, firstError: null }]),
  );
  for (let round = 0; round < repeats; round++) {
    const started = performance.now();
    let slowest = { name: "", ms: 0 };
    for (const read of reads) {
      if (round >= (read.repeats ?? repeats)) continue;
      const s = samples[read.name];
      const answer = await send(`${baseUrl}${read.path}`, {
        method: read.method,
        headers: headersFor(read, auth),
        body: read.body === undefined ? undefined : JSON.stringify(read.body),
        firstByteOnly: read.firstByteOnly,
      }).catch((error: unknown) => ({ status: 0, text: String(error), ms: 0 }));
      if (answer.status !== read.expect) {
        s.errors++;
        s.firstError ??= `${answer.status}: ${answer.text.slice(0, 300)}`;
        continue;
      }
      s.ms.push(answer.ms);
      if (answer.ms > slowest.ms) slowest = { name: read.name, ms: answer.ms };
      if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
    log(
      `round ${round + 1}/${repeats}: ${((performance.now() - started) / 1000).toFixed(1)} s, slowest ${slowest.name} ${slowest.ms.toFixed(0)} ms`,
    );
  }
  return samples;
}
