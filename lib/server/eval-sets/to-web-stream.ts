import "server-only";

/**
 * An async byte source as a web ReadableStream, pulled on demand: the source runs only as fast as
 * the client reads (backpressure), and a client that goes away closes the source (its `finally`
 * blocks run, temporary files go). A client that goes away while a chunk is being made is not an
 * error: the chunk is dropped, and nothing is reported.
 */
export function toWebStream(chunks: AsyncIterable<Uint8Array>, onError: (error: unknown) => void) {
  const iterator = chunks[Symbol.asyncIterator]();
  let isCancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await iterator.next();
          if (isCancelled) return;
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          if (isCancelled) return;
          onError(error);
          controller.error(error);
        }
      },
      async cancel() {
        isCancelled = true;
        await iterator.return?.(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
