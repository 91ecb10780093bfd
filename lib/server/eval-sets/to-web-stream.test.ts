import { describe, expect, it, vi } from "vitest";
import { toWebStream } from "./to-web-stream";

vi.mock("server-only", () => ({}));

describe("toWebStream", () => {
  it("passes the chunks through and closes at the end", async () => {
    async function* source() {
      yield new Uint8Array([1]);
      yield new Uint8Array([2, 3]);
    }
    const onError = vi.fn();
    const bytes = new Uint8Array(await new Response(toWebStream(source(), onError)).arrayBuffer());
    expect([...bytes]).toEqual([1, 2, 3]);
    expect(onError).not.toHaveBeenCalled();
  });

  it("does not report a client that goes away while a chunk is being made, and closes the source", async () => {
    let release: () => void = () => undefined;
    let isClosed = false;
    async function* source() {
      try {
        yield new Uint8Array([1]);
        await new Promise<void>((resolve) => (release = resolve));
        yield new Uint8Array([2]);
      } finally {
        isClosed = true;
      }
    }
    const onError = vi.fn();
    const reader = toWebStream(source(), onError).getReader();
    expect((await reader.read()).value).toEqual(new Uint8Array([1]));
    // The stream now pulls the second chunk, which waits; the client cancels meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 10));
    const cancelled = reader.cancel();
    release();
    await cancelled;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(onError).not.toHaveBeenCalled();
    expect(isClosed).toBe(true);
  });

  it("reports a source that fails", async () => {
    async function* source(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array([1]);
      throw new Error("disk full");
    }
    const onError = vi.fn();
    await expect(new Response(toWebStream(source(), onError)).arrayBuffer()).rejects.toThrow("disk full");
    expect(onError).toHaveBeenCalledTimes(1);
  });
});
