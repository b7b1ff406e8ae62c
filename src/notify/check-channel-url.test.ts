import { describe, expect, it } from "@jest/globals";
import { checkChannelUrl } from "./check-channel-url.js";

const TOKEN = "xoxSecretToken-T0123-B4567";

describe("checkChannelUrl", () => {
  it.each([
    ["https://hooks.slack.com/services/T0/B0/secret", "https://hooks.slack.com"],
    ["https://hooks.example.com:8443/deliverybot?token=abc", "https://hooks.example.com:8443"],
    ["http://receiver.example.com/hook", "http://receiver.example.com"],
    ["https://user:pass@hooks.example.com/x", "https://hooks.example.com"],
    ["HTTPS://Hooks.Example.COM/x", "https://hooks.example.com"],
    ["https://93.184.215.14/hook", "https://93.184.215.14"],
    ["https://[2606:4700:4700::1111]/hook", "https://[2606:4700:4700::1111]"],
  ])("accepts %s with the hint %s", (raw, hint) => {
    const result = checkChannelUrl(raw, { allowPrivate: false });

    expect(result).toEqual({ ok: true, url: new URL(raw), hint });
  });

  it.each([
    ["not a URL", "hooks.example.com/x", "not a valid absolute URL"],
    ["empty", "", "not a valid absolute URL"],
    ["ftp", "ftp://files.example.com/x", "must start with https:// (or http://), not ftp:"],
    ["javascript", "javascript:alert(1)", "not javascript:"],
    ["a fragment", "https://hooks.example.com/x#part", "has a #fragment"],
    ["an empty fragment", "https://hooks.example.com/x#", "has a #fragment"],
    ["too long", `https://hooks.example.com/${"a".repeat(2030)}`, "longer than 2048 characters"],
    ["loopback", "http://127.0.0.1:8080/x", "http://127.0.0.1:8080 points at a loopback, private or link-local address"],
    ["loopback in a short form", "http://127.1/x", "http://127.0.0.1 points at"],
    ["loopback in hex", "http://0x7f000001/x", "http://127.0.0.1 points at"],
    ["private", "https://10.0.0.5/x", "https://10.0.0.5 points at"],
    ["the metadata service", "http://169.254.169.254/latest/meta-data", "http://169.254.169.254 points at"],
    ["IPv6 loopback", "http://[::1]:3000/x", "http://[::1]:3000 points at"],
    ["IPv4-mapped loopback", "http://[::ffff:127.0.0.1]/x", "http://[::ffff:7f00:1] points at"],
    ["IPv6 unique local", "https://[fd00::1]/x", "https://[fd00::1] points at"],
    ["unspecified", "http://0.0.0.0/x", "http://0.0.0.0 points at"],
    ["localhost", "http://localhost:3000/x", "http://localhost:3000 points at"],
    ["localhost with a trailing dot", "http://localhost./x", "http://localhost. points at"],
    ["a .localhost name", "http://app.LOCALHOST/x", "http://app.localhost points at"],
  ])("refuses %s", (_name, raw, error) => {
    const result = checkChannelUrl(raw, { allowPrivate: false });

    expect(result).toEqual({ ok: false, error: expect.stringContaining(error) });
  });

  it("tells the operator how to allow a private address", () => {
    const result = checkChannelUrl("http://10.0.0.5/x", { allowPrivate: false });

    expect(result.ok ? "" : result.error).toContain("--allow-private");
  });

  it.each(["http://127.0.0.1:8080/x", "http://localhost/x", "https://[fd00::1]/x", "http://192.168.1.10/hook"])(
    "accepts %s when private addresses are allowed",
    (raw) => {
      const result = checkChannelUrl(raw, { allowPrivate: true });

      expect(result.ok).toBe(true);
    },
  );

  it.each([
    ["a private address", `http://user:${TOKEN}@10.0.0.5/${TOKEN}?t=${TOKEN}`],
    ["a fragment", `https://user:${TOKEN}@hooks.example.com/${TOKEN}?t=${TOKEN}#${TOKEN}`],
    ["a long URL", `https://hooks.example.com/${TOKEN}/${"a".repeat(2048)}`],
    ["a bad scheme", `ftp://user:${TOKEN}@files.example.com/${TOKEN}`],
    ["an unparsable URL", `https://hooks.example.com:99999/${TOKEN}`],
  ])("never shows the path, query or userinfo in the error for %s", (_name, raw) => {
    const result = checkChannelUrl(raw, { allowPrivate: false });

    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain("xoxSecretToken");
  });

  it("gives a hint without path, query or userinfo", () => {
    const result = checkChannelUrl(`https://user:${TOKEN}@hooks.example.com/${TOKEN}?t=${TOKEN}`, { allowPrivate: false });

    expect(result.ok && result.hint).toBe("https://hooks.example.com");
  });
});
