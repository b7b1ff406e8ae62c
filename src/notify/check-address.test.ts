import { describe, expect, it } from "@jest/globals";
import { isPublicAddress } from "./check-address.js";

describe("isPublicAddress", () => {
  it.each([
    ["93.184.215.14", "a public IPv4 address"],
    ["1.1.1.1", "a public resolver"],
    ["8.8.8.8", "another"],
    ["2606:4700:4700::1111", "a public IPv6 address"],
    ["2001:4860:4860::8888", "another, inside 2001::/16 but outside its special ranges"],
    ["::ffff:93.184.215.14", "IPv4-mapped, judged by its public IPv4 address"],
    ["::ffff:5db8:d70e", "IPv4-mapped in hex"],
    ["64:ff9b::93.184.215.14", "NAT64 of a public IPv4 address"],
    ["2002:5db8:d70e::1", "6to4 of a public IPv4 address"],
  ])("%s is public (%s)", (address) => {
    const result = isPublicAddress(address);

    expect(result).toBe(true);
  });

  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback, anywhere in 127/8"],
    ["10.0.0.5", "private 10/8"],
    ["172.16.0.1", "private 172.16/12"],
    ["172.31.255.255", "private 172.16/12, its end"],
    ["192.168.1.1", "private 192.168/16"],
    ["169.254.169.254", "link-local: the cloud metadata service"],
    ["169.254.0.1", "link-local"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.255", "carrier-grade NAT, its end"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "this network (0/8)"],
    ["255.255.255.255", "broadcast"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast (SSDP)"],
    ["240.0.0.1", "reserved (240/4)"],
    ["192.0.2.1", "documentation (TEST-NET-1)"],
    ["198.18.0.1", "benchmarking"],
    ["192.0.0.8", "IETF protocol assignments"],
    ["::1", "IPv6 loopback"],
    ["::", "IPv6 unspecified"],
    ["fe80::1", "IPv6 link-local"],
    ["febf:ffff::1", "IPv6 link-local, the end of fe80::/10"],
    ["fe80::1%eth0", "IPv6 link-local with a zone id"],
    ["fc00::1", "unique local fc00::/7"],
    ["fd12:3456:789a::1", "unique local fd00::/8"],
    ["ff02::1", "IPv6 multicast"],
    ["fec0::1", "deprecated site-local"],
    ["2001:db8::1", "IPv6 documentation"],
    ["100::1", "discard-only"],
    ["::ffff:127.0.0.1", "IPv4-mapped loopback"],
    ["::ffff:7f00:1", "IPv4-mapped loopback in hex"],
    ["::ffff:10.0.0.5", "IPv4-mapped private"],
    ["::ffff:169.254.169.254", "IPv4-mapped metadata service"],
    ["::127.0.0.1", "IPv4-compatible (deprecated) loopback"],
    ["::7f00:1", "IPv4-compatible in hex: outside 2000::/3"],
    ["::ffff:0:93.184.215.14", "IPv4-translated (RFC 6145): refused even for a public address"],
    ["64:ff9b::10.0.0.5", "NAT64 of a private address"],
    ["64:ff9b::127.0.0.1", "NAT64 of loopback"],
    ["64:ff9b:1::5db8:d70e", "NAT64 local-use prefix: the IPv4 address is not at a known place"],
    ["2002:0a00:0005::1", "6to4 of a private address"],
    ["2002:7f00:0001::1", "6to4 of loopback"],
    ["2001:0:5db8:d70e::1", "Teredo: its client address is obfuscated"],
    ["4000::1", "outside global unicast 2000::/3"],
    ["2001:2::1", "benchmarking"],
    ["127.1", "a non-canonical IPv4 form"],
    ["0x7f.0.0.1", "a hex IPv4 form"],
    ["010.0.0.1", "an octal IPv4 form"],
    ["2130706433", "a 32-bit integer form"],
    ["example.com", "a name"],
    ["", "nothing"],
    ["[::1]", "a bracketed literal: callers strip the brackets"],
    ["1.2.3.4.5", "too many parts"],
  ])("%s is not public (%s)", (address) => {
    const result = isPublicAddress(address);

    expect(result).toBe(false);
  });
});
