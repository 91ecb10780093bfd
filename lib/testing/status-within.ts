/** Polls until the status changes to `want`, as long as another process's change takes to arrive. */
export async function statusWithin(call: () => Promise<{ status: number }>, want: number, ms = 3_000) {
  const deadline = Date.now() + ms;
  let status = (await call()).status;
  while (status !== want && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    status = (await call()).status;
  }
  return status;
}
