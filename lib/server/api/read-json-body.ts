import "server-only";
import { badRequest, tooLarge } from "@/lib/server/errors";

/** Reads a JSON body without ever holding more than `maxBytes` of it. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(`The body is larger than ${maxBytes} bytes.`);
  if (!request.body) throw badRequest("A JSON body is required.", [{ path: "(body)", message: "missing" }]);
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
  if (!text.trim()) throw badRequest("A JSON body is required.", [{ path: "(body)", message: "missing" }]);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badRequest("The body is not valid JSON.", [{ path: "(body)", message: (error as Error).message }]);
  }
}
