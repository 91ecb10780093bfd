import { afterEach, describe, expect, it, vi } from "vitest";
import * as evalSets from "@/lib/endpoints/eval-sets";
import * as queue from "@/lib/endpoints/queue";
import { callApi, endpointUrl } from "./api";
import { ApiError } from "./api-error";

const answer = (status: number, body?: unknown, type = "application/json") =>
  vi.fn(async () =>
    body === undefined
      ? new Response(null, { status })
      : Response.json(body, { status, headers: { "content-type": type } }),
  );

afterEach(() => vi.unstubAllGlobals());

describe("the browser's API client", () => {
  it("fills and escapes path parameters and writes the query", () => {
    expect(
      endpointUrl(evalSets.diffEvalSetVersions, { id: "a/b" }, { from: 1, to: 2, limit: undefined }),
    ).toBe("/api/v1/eval-sets/a%2Fb/diff?from=1&to=2");
  });

  it("sends the body as JSON with the endpoint's method, and parses the answer with the declared schema", async () => {
    const fetch = answer(200, { ok: true, next: null, extra: "dropped" });
    vi.stubGlobal("fetch", fetch);
    const skipped = await callApi(queue.skipAssignment, { params: { id: "42" }, query: { next: "1" } });
    expect(skipped).toEqual({ ok: true, next: null });
    expect(fetch).toHaveBeenCalledWith(
      "/api/v1/assignments/42/skip?next=1",
      expect.objectContaining({ method: "POST" }),
    );
  });

  it("refuses an answer that does not fit the declared schema, instead of passing it on", async () => {
    vi.stubGlobal("fetch", answer(200, { ok: "yes" }));
    await expect(callApi(queue.skipAssignment, { params: { id: "42" } })).rejects.toThrow(/ok/);
  });

  it("answers undefined for a declared 204, and throws the problem for a refusal", async () => {
    vi.stubGlobal("fetch", answer(204));
    await expect(callApi(queue.claimNextItem, { params: { id: "p" } })).resolves.toBeUndefined();
    const problem = {
      status: 403,
      title: "Forbidden",
      detail: "No.",
      errors: [{ path: "x", message: "bad" }],
    };
    vi.stubGlobal("fetch", answer(403, problem, "application/problem+json"));
    const error = await callApi(queue.claimNextItem, { params: { id: "p" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldMessage("x")).toBe("bad");
  });
});
