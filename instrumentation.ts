// Next.js calls register() once per server process at start-up.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startLeaseSweeper } = await import("@/lib/server/queue/start-lease-sweeper");
  startLeaseSweeper();
  const { startWebhookWorker } = await import("@/lib/server/webhooks/start-webhook-worker");
  startWebhookWorker();
  const { startAgreementApplier } = await import("@/lib/server/agreement/start-agreement-applier");
  startAgreementApplier();
  const { startReviewStateRefresher } =
    await import("@/lib/server/final-labels/start-review-state-refresher");
  startReviewStateRefresher();
}
