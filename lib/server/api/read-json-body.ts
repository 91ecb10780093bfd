import "server-only";
import { MAX_JSON_DEPTH, findUnsafeText, jsonDeeperThan } from "@/lib/schemas/safe-text";
import { badRequest, tooLarge } from "@/lib/server/errors";

/**
 * Reads a JSON body without ever holding more than `maxBytes` of it. Refuses (400, naming the
 * field) nesting deeper than MAX_JSON_DEPTH, checked before parsing, and any string or key
 * PostgreSQL cannot store (NUL, lone surrogates), so no route has to think of them.
 */
export async function readJsonBody(
  request: Request,
  maxBytes: number,
  { optional = false }: { optional?: boolean } = {},
): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(`The body is larger than ${maxBytes} bytes.`);
  if (!request.body) return absentBody(optional);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(`The body is larger than ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) return absentBody(optional);
  if (jsonDeeperThan(text, MAX_JSON_DEPTH)) {
    throw badRequest("The body nests too deeply.", [
      { path: "(body)", message: `must not nest more than ${MAX_JSON_DEPTH} levels` },
    ]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw badRequest("The body is not valid JSON.", [{ path: "(body)", message: (error as Error).message }]);
  }
  const unsafe = findUnsafeText(value);
  if (unsafe) throw badRequest("The body holds text that cannot be stored.", [unsafe]);
  return value;
}

/**
 * No body, or an empty one: undefined where the schema lets the body be absent (the freeze's
 * optional override), a 400 everywhere else.
 */
function absentBody(optional: boolean): undefined {
  if (optional) return undefined;
  throw badRequest("A JSON body is required.", [{ path: "(body)", message: "missing" }]);
}
