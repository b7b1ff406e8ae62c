import ipaddr from "ipaddr.js";

/** IPv6 global unicast (2000::/3): everything else is special-purpose or not allocated. */
const GLOBAL_UNICAST = ipaddr.IPv6.parse("2000::");
/** NAT64's well-known prefix (RFC 6052): the IPv4 address is the last 32 bits. */
const NAT64_WELL_KNOWN = ipaddr.IPv6.parse("64:ff9b::");

/**
 * Whether a notification may be sent to this IP address: true only for public unicast addresses,
 * so a channel cannot reach the app's own host (loopback), its network (private, unique local,
 * carrier-grade NAT), the cloud metadata service (link-local 169.254.169.254) or anything
 * reserved, multicast or unspecified. IPv6 addresses that embed an IPv4 address (IPv4-mapped,
 * NAT64 `64:ff9b::/96`, 6to4) are judged by that address; the other translation schemes and any
 * text that is not a canonical address (`127.1`, `0x7f.1`, a zone id) are refused, because a
 * wrong "yes" here opens the internal network.
 */
export function isPublicAddress(address: string): boolean {
  if (ipaddr.IPv4.isValidFourPartDecimal(address)) return isPublicIPv4(ipaddr.IPv4.parse(address));
  if (!ipaddr.IPv6.isValid(address)) return false;
  const ip = ipaddr.IPv6.parse(address);
  // A zone id scopes the address to one interface: only link-local addresses have one.
  if (ip.zoneId !== undefined) return false;
  switch (ip.range()) {
    case "unicast":
      return ip.match(GLOBAL_UNICAST, 3);
    case "ipv4Mapped":
      return isPublicIPv4(ip.toIPv4Address());
    case "rfc6052":
      // The local-use prefix 64:ff9b:1::/48 may put the IPv4 address anywhere: refused.
      return ip.match(NAT64_WELL_KNOWN, 96) && isPublicIPv4(embeddedIPv4(ip.parts[6], ip.parts[7]));
    case "6to4":
      return isPublicIPv4(embeddedIPv4(ip.parts[1], ip.parts[2]));
    default:
      return false;
  }
}

function isPublicIPv4(ip: ipaddr.IPv4): boolean {
  return ip.range() === "unicast";
}

function embeddedIPv4(high: number | undefined, low: number | undefined): ipaddr.IPv4 {
  const hi = high ?? 0;
  const lo = low ?? 0;
  return new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
}
