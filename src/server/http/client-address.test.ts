// NF-3: per-address limits key by the socket's peer, and believe X-Forwarded-For hops only
// through proxies named in TRUSTED_PROXIES (walked from the right).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { clientAddress, normalizeAddress, parseTrustedProxies, TRUST_NONE, UNKNOWN_ADDRESS } from "./client-address";

const headers = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("clientAddress (NF-3)", () => {
  const trusted = parseTrustedProxies(["10.0.0.0/8", "127.0.0.1", "fd00::/8"]);
  it.each([
    ["no proxies trusted: the header is ignored", "203.0.113.9", "1.2.3.4", TRUST_NONE, "203.0.113.9"],
    ["an untrusted peer's header is ignored", "203.0.113.9", "1.2.3.4, 10.0.0.1", trusted, "203.0.113.9"],
    ["a trusted peer's rightmost hop is the client", "10.0.0.2", "1.2.3.4, 198.51.100.7", trusted, "198.51.100.7"],
    ["trusted hops are skipped from the right", "127.0.0.1", "1.2.3.4, 198.51.100.7, 10.1.2.3", trusted, "198.51.100.7"],
    ["a trusted peer without a header is the client", "10.0.0.2", undefined, trusted, "10.0.0.2"],
    ["every hop trusted: the leftmost", "10.0.0.2", "10.0.0.3, 10.0.0.4", trusted, "10.0.0.3"],
    ["a garbled hop stops at the trusted proxy", "10.0.0.2", "1.2.3.4, not-an-ip", trusted, "10.0.0.2"],
    ["an IPv4-mapped peer is its IPv4 address", "::ffff:10.0.0.2", "198.51.100.7", trusted, "198.51.100.7"],
    ["IPv6 with brackets and a port", "fd00::1", "[2001:db8::5]:443", trusted, "2001:db8::5"],
    ["IPv4 with a port", "10.0.0.2", "198.51.100.7:5123", trusted, "198.51.100.7"],
  ])("NF-3 %s", (_name, peer, xff, list, expected) => {
    expect(clientAddress({ headers: headers(xff), peer }, list)).toBe(expected);
  });

  it("NF-3 no peer at all is the shared unknown key", () => {
    expect(clientAddress({ headers: headers("1.2.3.4"), peer: undefined }, trusted)).toBe(UNKNOWN_ADDRESS);
  });

  it("NF-3 property: without trusted proxies no X-Forwarded-For changes the key", () => {
    fc.assert(
      fc.property(fc.string(), fc.ipV4(), (xff, peer) => clientAddress({ headers: headers(xff.replace(/[\r\n\0]/g, "")), peer }, TRUST_NONE) === peer),
    );
  });

  it("NF-3 property: a client behind one trusted proxy cannot pick its key by prefixing hops", () => {
    fc.assert(
      fc.property(fc.array(fc.ipV4(), { maxLength: 5 }), fc.ipV4().filter((ip) => !ip.startsWith("10.") && ip !== "127.0.0.1"), (spoofed, real) => {
        const xff = [...spoofed, real].join(", ");
        return clientAddress({ headers: headers(xff), peer: "10.0.0.9" }, trusted) === real;
      }),
    );
  });

  it("NF-3 a bad TRUSTED_PROXIES entry is refused", () => {
    for (const bad of ["10.0.0.0/33", "example.com", "10.0.0.0/", "1.2.3.4/8/9", "fd00::/129"]) expect(() => parseTrustedProxies([bad])).toThrow(/TRUSTED_PROXIES/);
    expect(normalizeAddress("::FFFF:127.0.0.1")).toBe("127.0.0.1");
  });
});
