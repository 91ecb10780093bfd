// One Concord app process: the production build of the Next.js app on HOST:PORT, with the queue's
// hot routes served straight by their App Router handlers (lib/server/http/hot-routes.ts).
// `npm start` runs it after migrating and building; several may serve one database
// (docs/deployment.md). Needs DATABASE_URL and NEXTAUTH_SECRET.
import { createServer } from "node:http";
import next from "next";
import { z } from "zod";
import { parseTrustedProxies } from "@/lib/http/trusted-proxies";
import { numberSettings } from "@/lib/settings/number-settings";

const env = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default("127.0.0.1"),
    DATABASE_URL: z.string().min(1, "DATABASE_URL is required"),
    NEXTAUTH_SECRET: z.string().min(1, "NEXTAUTH_SECRET is required"),
    // Whose X-Forwarded-For and X-Forwarded-Proto to believe (docs/deployment.md).
    CONCORD_TRUSTED_PROXIES: z
      .string()
      .optional()
      .transform((value, ctx) => {
        try {
          return parseTrustedProxies(value);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: (error as Error).message });
          return z.NEVER;
        }
      }),
  })
  .parse(process.env);
// Every numeric setting, checked before anything starts: a bad one stops the process, naming it.
numberSettings();

async function main() {
  const app = next({ dev: false, dir: process.cwd(), hostname: env.HOST, port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Loaded once Next has set up its server environment (AsyncLocalStorage), which they import.
  const { appLanes } = await import("@/lib/server/http/app-lanes");
  const { createFrontDoor } = await import("@/lib/server/http/front-door");
  const { createApiRateLimits } = await import("@/lib/server/http/api-rate-limits");
  const { getLogger } = await import("@/lib/server/log/logger");
  const { disconnectDb } = await import("@/lib/db");
  const { createClientAdmission } = await import("@/lib/server/http/admit-client");
  const admitClient = createClientAdmission(env.CONCORD_TRUSTED_PROXIES);
  const frontDoor = createFrontDoor({
    serve: appLanes(handle),
    checkRateLimit: createApiRateLimits(),
    logger: getLogger(),
  });
  const server = createServer((req, res) => {
    admitClient(req, res);
    frontDoor(req, res);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, env.HOST, () => resolve(null));
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeIdleConnections();
    void Promise.allSettled([app.close(), disconnectDb()]).then(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`[concord] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
