import { BlockList, isIP } from "node:net";

export type TTrustedProxies = { has(address: string): boolean; readonly size: number };

/**
 * The proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed: `CONCORD_TRUSTED_PROXIES`,
 * comma-separated addresses and CIDR ranges (`127.0.0.1, 10.0.0.0/8, fd00::/8`). Empty: none, and
 * every client is the socket's peer. A bad entry throws, naming it: a typo must not silently trust
 * no one (or everyone).
 */
export function parseTrustedProxies(setting: string | undefined): TTrustedProxies {
  const list = new BlockList();
  let size = 0;
  for (const raw of (setting ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address, prefix, ...rest] = entry.split("/");
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    const isPrefixValid = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (!family || rest.length > 0 || !isPrefixValid) {
      throw new Error(
        `CONCORD_TRUSTED_PROXIES: "${entry}" is not an IP address or a CIDR range (like 10.0.0.0/8).`,
      );
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(normalizeAddress(address) ?? address, type);
    else list.addSubnet(address, Number(prefix), type);
    size++;
  }
  return {
    size,
    has(address) {
      const family = isIP(address);
      return family !== 0 && list.check(address, family === 4 ? "ipv4" : "ipv6");
    },
  };
}

/**
 * One address as the socket or a proxy wrote it, in the form the throttle keys on: IPv4-mapped IPv6
 * as IPv4, no port, brackets or zone. Null when it is not an IP address at all.
 */
export function normalizeAddress(raw: string | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.replace(/%[\w.-]+$/, "").toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(value);
  if (mapped) value = mapped[1];
  return isIP(value) ? value : null;
}

type THeader = string | string[] | undefined;

function listOf(header: THeader): string[] {
  const values = Array.isArray(header) ? header : header === undefined ? [] : [header];
  return values.flatMap((v) => v.split(",")).map((v) => v.trim());
}

/**
 * Who is on the other end, and whether they reached us over HTTPS. The socket's peer is the answer
 * unless it is a trusted proxy; then `X-Forwarded-For` is read from the right (the entries proxies
 * appended) past every trusted proxy, and the first address that is not one is the client. Entries
 * further left were written by the client and prove nothing.
 */
export function resolveClient(
  input: { peer: string | undefined; forwardedFor: THeader; forwardedProto: THeader; isEncrypted: boolean },
  trusted: TTrustedProxies,
): { address: string | null; isHttps: boolean } {
  let address = normalizeAddress(input.peer);
  if (!address || !trusted.has(address)) return { address, isHttps: input.isEncrypted };
  const hops = listOf(input.forwardedFor);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]);
    // Garbage where a proxy should have written an address: stop at the last hop we can vouch for.
    if (!hop) break;
    address = hop;
    if (!trusted.has(hop)) break;
  }
  const proto = listOf(input.forwardedProto)[0]?.toLowerCase();
  return { address, isHttps: proto ? proto === "https" : input.isEncrypted };
}
