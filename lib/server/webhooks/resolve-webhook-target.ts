import "server-only";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { isPublicAddress } from "@/lib/webhooks/address-policy";

/** Every address a host name resolves to. Injectable, so tests can play a DNS change. */
export type TResolver = (hostname: string) => Promise<string[]>;

export const systemResolver: TResolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

export type TTarget = { address: string; family: 4 | 6 } | { refused: string };

/** Local setups and tests send hooks to this machine; nothing else may. */
export function allowsPrivateTargets(): boolean {
  return process.env.CONCORD_WEBHOOK_ALLOW_PRIVATE === "1";
}

/**
 * The address a delivery to `url` connects to, or why it may not: the host is resolved here and the
 * request goes to the address checked, never resolved again (a DNS answer that changes between the
 * check and the connection cannot sneak a private address in). Every address the name has must be
 * public: otherwise a name with one public and one private record would pass at times.
 */
export async function resolveWebhookTarget(url: URL, resolve: TResolver = systemResolver): Promise<TTarget> {
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (isIP(hostname)) {
    addresses = [hostname];
  } else {
    try {
      addresses = await resolve(hostname);
    } catch {
      return { refused: `${hostname} does not resolve` };
    }
    if (addresses.length === 0) return { refused: `${hostname} does not resolve` };
  }
  if (!allowsPrivateTargets()) {
    const hidden = addresses.find((a) => !isPublicAddress(a));
    if (hidden)
      return { refused: `${hostname} resolves to ${hidden}, a loopback, private or reserved address` };
  }
  return { address: addresses[0], family: isIP(addresses[0]) === 6 ? 6 : 4 };
}
