/**
 * The numeric settings an app process reads from its environment (docs/deployment.md). `npm start`
 * (lib/cli/serve/serve.ts) checks them all before it serves: a value that is not a number, or out of
 * range, stops the process with a message naming the variable, instead of an interval of NaN ms or
 * a pool of NaN connections found at run time. An unset or empty variable takes the default.
 */
import { z } from "zod";

const count = (min: number, fallback: number) => z.coerce.number().int().min(min).default(fallback);

export const ZNumberSettings = z.object({
  CONCORD_AGREEMENT_APPLY_MS: count(10, 250),
  CONCORD_REVIEW_REFRESH_MS: count(10, 1000),
  CONCORD_SWEEP_SECONDS: z.coerce.number().positive().default(30),
  CONCORD_MAX_UPLOAD_BYTES: count(1, 512 * 1024 * 1024),
  CONCORD_WEBHOOK_TIMEOUT_MS: count(1, 10_000),
  CONCORD_WEBHOOK_BACKOFF_MS: count(0, 10_000),
  CONCORD_WEBHOOK_POLL_MS: count(1, 1000),
  CONCORD_WEBHOOK_RETENTION_DAYS: z.coerce.number().positive().default(30),
  DATABASE_POOL_SIZE: count(1, 10),
  DATABASE_QUEUE_POOL_SIZE: count(1, 8),
  DATABASE_POOL_IDLE_MS: count(0, 10_000),
});
export type TNumberSettings = z.infer<typeof ZNumberSettings>;
type TEnv = Record<string, string | undefined>;

/** Every numeric setting; throws one error naming each bad variable and what it must be. */
export function numberSettings(env: TEnv = process.env): TNumberSettings {
  const given = Object.fromEntries(
    Object.keys(ZNumberSettings.shape).map((name) => [name, env[name]?.trim() || undefined]),
  );
  const parsed = ZNumberSettings.safeParse(given);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (i) => `${i.path.join(".")}=${JSON.stringify(given[String(i.path[0])])}: ${i.message}`,
  );
  throw new Error(`Bad settings in the environment: ${problems.join("; ")}`);
}

/** One numeric setting, read now (tests and operators may change it while the process runs). */
export function numberSetting<K extends keyof TNumberSettings>(
  name: K,
  env: TEnv = process.env,
): TNumberSettings[K] {
  const schema = ZNumberSettings.shape[name];
  const parsed = schema.safeParse(env[name]?.trim() || undefined);
  if (parsed.success) return parsed.data as TNumberSettings[K];
  throw new Error(
    `Bad setting in the environment: ${name}=${JSON.stringify(env[name])}: ${parsed.error.issues[0]?.message}`,
  );
}
