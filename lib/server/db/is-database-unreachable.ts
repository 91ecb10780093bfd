import "server-only";

// Node's socket errors: nothing answers at the database's address, or the connection broke.
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
]);
// PostgreSQL's SQLSTATEs for a server that is shutting down, starting up or full; class 08 is
// "connection exception".
const SERVER_CODES = new Set(["57P01", "57P02", "57P03", "53300"]);
// Prisma's: cannot reach, timed out, connection closed, no pool connection in time.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
// node-postgres raises these with no code at all.
const PG_MESSAGES = [
  "Connection terminated",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error",
];

/**
 * Whether `error` means PostgreSQL cannot be reached right now (down, restarting, unreachable or
 * out of connections), rather than a fault in the request or in Concord: such a request may succeed
 * if repeated later. Looks through `cause` chains and AggregateErrors, as Prisma's driver adapter and
 * Node's dual-stack connect wrap the socket error.
 */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const { code, name, message, cause } = error as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
    cause?: unknown;
  };
  if (typeof code === "string") {
    if (SOCKET_CODES.has(code) || SERVER_CODES.has(code) || PRISMA_CODES.has(code)) return true;
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  if (name === "PrismaClientInitializationError") return true;
  if (typeof message === "string" && PG_MESSAGES.some((m) => message.includes(m))) return true;
  if (error instanceof AggregateError && error.errors.some((e) => isDatabaseUnreachable(e, depth + 1)))
    return true;
  return isDatabaseUnreachable(cause, depth + 1);
}
