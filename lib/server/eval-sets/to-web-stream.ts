import "server-only";

/**
 * An async byte source as a web ReadableStream, pulled on demand: the source runs only as fast as
 * the client reads (backpressure), and a client that goes away closes the source (its `finally`
 * blocks run, temporary files go).
 */
export function toWebStream(chunks: AsyncIterable<Uint8Array>, onError: (error: unknown) => void) {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await iterator.next();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          onError(error);
          controller.error(error);
        }
      },
      async cancel() {
        await iterator.return?.(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
