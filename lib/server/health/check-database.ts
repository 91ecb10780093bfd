import "server-only";
import { getPool } from "@/lib/db";

export async function checkDatabase(timeoutMs = 2000): Promise<boolean> {
  try {
    const probe = getPool().query("SELECT 1");
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error("timeout")), timeoutMs),
    );
    await Promise.race([probe, timeout]);
    return true;
  } catch {
    return false;
  }
}
