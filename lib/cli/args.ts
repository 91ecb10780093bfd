import { parseArgs } from "node:util";
import type { z } from "zod";

/** Parses CLI flags with node's parseArgs, then checks them with zod, naming a bad flag clearly. */
export function parseCliArgs<T extends z.ZodType>(
  argv: string[],
  options: NonNullable<Parameters<typeof parseArgs>[0]>["options"],
  schema: T,
): z.infer<T> {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args: argv, options, allowPositionals: false, strict: true }).values;
  } catch (error) {
    throw new Error((error as Error).message);
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`--${first.path.join(".")}: ${first.message}`);
  }
  return parsed.data;
}
