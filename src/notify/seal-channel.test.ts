import { describe, expect, it } from "@jest/globals";
import { ChannelSealError, createChannelSealer, MIN_NOTIFY_KEY_LENGTH } from "./seal-channel.js";

const KEY = "k3y-of-the-operator-0123456789-abcdefghij";
const OTHER_KEY = "another-operator-key-0123456789-abcdefghij";
const SECRETS = { url: "https://hooks.example.com/deliverybot?token=abc", secret: "whsec-0123456789" };
const SLACK = { url: "https://hooks.slack.com/services/T0/B0/xyz", secret: null };

describe("createChannelSealer", () => {
  it.each([
    ["a webhook channel", SECRETS],
    ["a Slack channel (no secret)", SLACK],
    ["non-ASCII", { url: "https://hooks.example.com/ünïcode", secret: "sëcret ✓" }],
  ])("opens what it sealed: %s", (_name, secrets) => {
    const sealer = createChannelSealer(KEY);

    const opened = sealer.open(sealer.seal(secrets, "acme/deploys"), "acme/deploys");

    expect(opened).toEqual(secrets);
  });

  it("writes v1.<iv>.<tag>.<ciphertext> in base64url, without the secrets in clear", () => {
    const sealer = createChannelSealer(KEY);

    const sealed = sealer.seal(SECRETS, "acme/deploys");

    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("hooks.example.com");
    expect(sealed).not.toContain(Buffer.from(SECRETS.secret).toString("base64url"));
  });

  it("seals the same secrets differently each time (a fresh IV)", () => {
    const sealer = createChannelSealer(KEY);

    const first = sealer.seal(SECRETS, "acme/deploys");
    const second = sealer.seal(SECRETS, "acme/deploys");

    expect(first).not.toBe(second);
    expect(first.split(".")[1]).not.toBe(second.split(".")[1]);
  });

  it("does not open with another key, and says to register the channel again", () => {
    const sealed = createChannelSealer(KEY).seal(SECRETS, "acme/deploys");
    const other = createChannelSealer(OTHER_KEY);

    const error = catchError(() => other.open(sealed, "acme/deploys"));

    expect(error).toBeInstanceOf(ChannelSealError);
    expect(error).toMatchObject({ code: "seal_mismatch" });
    expect(error?.message).toContain("acme/deploys");
    expect(error?.message).toContain("another NOTIFY_KEY");
    expect(error?.message).toContain("register it again");
    expect(error?.message).not.toContain(KEY);
  });

  it("does not open under another binding: a sealed value copied to another row", () => {
    const sealer = createChannelSealer(KEY);
    const sealed = sealer.seal(SECRETS, "acme/deploys");

    const error = catchError(() => sealer.open(sealed, "evil/deploys"));

    expect(error).toMatchObject({ code: "seal_mismatch" });
  });

  it.each([
    ["the ciphertext", 3],
    ["the tag", 2],
    ["the IV", 1],
  ])("does not open when %s was tampered with", (_name, index) => {
    const sealer = createChannelSealer(KEY);
    const parts = sealer.seal(SECRETS, "acme/deploys").split(".");
    const bytes = Buffer.from(parts[index] ?? "", "base64url");
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    parts[index] = bytes.toString("base64url");

    const error = catchError(() => sealer.open(parts.join("."), "acme/deploys"));

    expect(error).toMatchObject({ code: "seal_mismatch" });
  });

  it.each([
    ["empty", ""],
    ["clear text", "https://hooks.example.com/x"],
    ["another version", "v2.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA"],
    ["a missing part", "v1.AAAAAAAAAAAAAAAA.AAAA"],
    ["a short IV", "v1.AAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA"],
  ])("reports a value that is not a seal: %s", (_name, sealed) => {
    const sealer = createChannelSealer(KEY);

    const error = catchError(() => sealer.open(sealed, "acme/deploys"));

    expect(error).toMatchObject({ code: "seal_malformed", message: expect.stringContaining("register it again") });
  });

  it("refuses a key shorter than MIN_NOTIFY_KEY_LENGTH with a message saying how to make one", () => {
    const short = "x".repeat(MIN_NOTIFY_KEY_LENGTH - 1);

    const create = () => createChannelSealer(short);

    expect(create).toThrow(/NOTIFY_KEY must be at least 32 characters.*openssl rand/);
  });

  it("accepts a key of exactly MIN_NOTIFY_KEY_LENGTH", () => {
    const sealer = createChannelSealer("x".repeat(MIN_NOTIFY_KEY_LENGTH));

    const opened = sealer.open(sealer.seal(SLACK, "acme/a"), "acme/a");

    expect(opened).toEqual(SLACK);
  });

  it("has a key id that is a stable 16-hex-digit fingerprint, different per key and not the key", () => {
    const first = createChannelSealer(KEY).keyId;

    const again = createChannelSealer(KEY).keyId;
    const other = createChannelSealer(OTHER_KEY).keyId;

    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    expect(KEY).not.toContain(first);
  });
});

function catchError(act: () => unknown): Error | undefined {
  try {
    act();
  } catch (error) {
    return error as Error;
  }
  return undefined;
}
