// NF-3: the client address that per-address limits are keyed by. A client can write any
// X-Forwarded-For it likes, so the hops in it count only when the machine that appended them is
// a proxy named in TRUSTED_PROXIES: the walk starts at the socket's real peer and moves left
// through the header only while the address in hand is trusted. With TRUSTED_PROXIES empty
// (the default) the peer address is the answer and the header is ignored.
//
// Next.js route handlers do not see the socket, so the custom server (server.ts) stamps the peer
// address into PEER_ADDRESS_HEADER on every request, overwriting any copy the client sent.
import { BlockList, isIP } from "node:net";
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";

/** Internal: set by server.ts from `req.socket.remoteAddress`; never trusted from a client. */
export const PEER_ADDRESS_HEADER = "x-counterpart-peer-address";
/** What the limits key by when no address is known at all (a route called outside server.ts). */
export const UNKNOWN_ADDRESS = "unknown";

export interface TrustedProxies {
  has(address: string): boolean;
}

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is 10.0.0.1. */
export function normalizeAddress(raw: string | undefined | null): string | null {
  if (!raw) return null;
  let value = raw.trim();
  // Forms proxies write: "[2001:db8::1]:443", "203.0.113.7:51234".
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(value);
  if (mapped) value = mapped[1]!;
  return isIP(value) ? value.toLowerCase() : null;
}

/**
 * TRUSTED_PROXIES entries: addresses (`10.0.0.5`, `::1`) or CIDR blocks (`10.0.0.0/8`,
 * `fd00::/8`). Throws on an entry that is neither, so a typo stops start-up.
 */
export function parseTrustedProxies(entries: readonly string[]): TrustedProxies {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix, extra] = entry.trim().split("/");
    const normalized = normalizeAddress(address);
    const family = normalized ? (isIP(normalized) === 6 ? "ipv6" : "ipv4") : null;
    const bits = prefix === undefined ? null : Number(prefix);
    const maxBits = family === "ipv6" ? 128 : 32;
    if (!normalized || !family || extra !== undefined || (bits !== null && (!Number.isInteger(bits) || bits < 0 || bits > maxBits) ) || prefix === "") {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR block`);
    }
    if (bits === null) list.addAddress(normalized, family);
    else list.addSubnet(normalized, bits, family);
  }
  return {
    has(address) {
      const normalized = normalizeAddress(address);
      if (!normalized) return false;
      return list.check(normalized, isIP(normalized) === 6 ? "ipv6" : "ipv4");
    },
  };
}

export const TRUST_NONE: TrustedProxies = { has: () => false };

type HeaderSource = Headers | IncomingHttpHeaders;

function headerValue(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const value = (headers as IncomingHttpHeaders)[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * The address to key limits by: the peer, or — while the address in hand is a trusted proxy —
 * the next X-Forwarded-For hop to the left. A garbled hop written by a trusted proxy stops the
 * walk at that proxy rather than letting a client-supplied string become the key.
 */
export function clientAddress(input: { headers: HeaderSource; peer: string | undefined | null }, trusted: TrustedProxies): string {
  const peer = normalizeAddress(input.peer);
  if (!peer) return UNKNOWN_ADDRESS;
  let current = peer;
  if (!trusted.has(current)) return current;
  const hops = (headerValue(input.headers, "x-forwarded-for") ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = normalizeAddress(hops[index]);
    if (!hop) return current;
    current = hop;
    if (!trusted.has(current)) return current;
  }
  return current;
}

/** For server.ts: record the socket's peer on the request, replacing any client-sent copy. */
export function stampPeerAddress(req: IncomingMessage): void {
  delete req.headers[PEER_ADDRESS_HEADER];
  const peer = req.socket.remoteAddress;
  if (peer) req.headers[PEER_ADDRESS_HEADER] = peer;
}

/** The client address of a route handler's request (behind server.ts). */
export function requestClientAddress(headers: Headers, trusted: TrustedProxies): string {
  return clientAddress({ headers, peer: headers.get(PEER_ADDRESS_HEADER) }, trusted);
}
