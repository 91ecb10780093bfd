/**
 * At most `limit` requests of a lane at work at once; the others wait their turn in arrival order
 * before doing any (no auth, no body, no query). Fifty annotators claiming and submitting without
 * pause otherwise keep fifty requests' worth of callbacks in the event loop's line, and a lead's page,
 * which takes a turn in that line at each of its awaits, waits behind all of them each time.
 */
export function createLaneGate(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
      else active++;
      try {
        return await work();
      } finally {
        // The slot passes straight to the next in line: `active` counts it still.
        const next = waiting.shift();
        if (next) next();
        else active--;
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return waiting.length;
    },
  };
}
