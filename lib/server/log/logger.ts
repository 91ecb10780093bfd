import "server-only";
import pino, { type DestinationStream, type Logger } from "pino";
import { z } from "zod";

const ZLogLevel = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info");

/**
 * Concord's logger: one JSON object per line on stdout, for whatever collects the app's output.
 * `LOG_LEVEL` (default info) sets how much: `warn` keeps only failed requests and problems.
 * Secrets never reach it on purpose (no headers or bodies are logged); the redaction below is a
 * second guard for a field someone adds later.
 */
export function createLogger(destination?: DestinationStream): Logger {
  const level = ZLogLevel.parse(process.env.LOG_LEVEL?.trim().toLowerCase() || undefined);
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: {
        paths: [
          "authorization",
          "cookie",
          "password",
          "token",
          "*.authorization",
          "*.cookie",
          "*.password",
          "*.token",
          "headers.authorization",
          "headers.cookie",
        ],
        censor: "[redacted]",
      },
    },
    destination,
  );
}

// One per process, shared by serve.ts and the route handlers Next bundles separately.
const globalForLog = globalThis as unknown as { concordLogger?: Logger };

export function getLogger(): Logger {
  globalForLog.concordLogger ??= createLogger();
  return globalForLog.concordLogger;
}
