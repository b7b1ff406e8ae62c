import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import type { ChannelSecrets } from "../domain/notifications.js";

/** The shortest `NOTIFY_KEY` accepted, in characters: `openssl rand -base64 32` gives 44. */
export const MIN_NOTIFY_KEY_LENGTH = 32;

const SALT = "deliverybot notification channels";
const SEALING_INFO = "deliverybot notification channels: aes-256-gcm sealing key v1";
const KEY_ID_INFO = "deliverybot notification channels: key fingerprint v1";
const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Seals a channel's URL and secret for the store, and opens them again. */
export interface ChannelSealer {
  /** A fingerprint of the key (16 hex digits), stored beside each sealed channel: never the key. */
  readonly keyId: string;
  /** Encrypts `secrets`; `binding` (`owner/name`) must be given again to open them. */
  seal(secrets: ChannelSecrets, binding: string): string;
  /** Decrypts what `seal` made with the same key and binding; else throws {@link ChannelSealError}. */
  open(sealed: string, binding: string): ChannelSecrets;
}

/** Why a sealed channel does not open: `seal_mismatch` (another key, another row, or tampered with) or `seal_malformed`. */
export class ChannelSealError extends Error {
  constructor(
    readonly code: "seal_mismatch" | "seal_malformed",
    message: string,
  ) {
    super(message);
    this.name = "ChannelSealError";
  }
}

/**
 * A sealer keyed by the operator's `NOTIFY_KEY`: AES-256-GCM under a key derived with HKDF-SHA256,
 * a fresh random IV per seal, and the binding as additional authenticated data, so a sealed value
 * copied to another channel's row does not open there. The format is `v1.<iv>.<tag>.<ciphertext>`
 * (base64url). Throws when the key is shorter than {@link MIN_NOTIFY_KEY_LENGTH}.
 */
export function createChannelSealer(key: string): ChannelSealer {
  if (key.length < MIN_NOTIFY_KEY_LENGTH) {
    throw new Error(
      `NOTIFY_KEY must be at least ${MIN_NOTIFY_KEY_LENGTH} characters: generate one with openssl rand -base64 32 and give every instance the same`,
    );
  }
  const sealingKey = deriveKey(key, SEALING_INFO);
  const keyId = createHash("sha256").update(deriveKey(key, KEY_ID_INFO)).digest("hex").slice(0, 16);
  const mismatch = (binding: string) =>
    new ChannelSealError(
      "seal_mismatch",
      `notification channel ${binding} does not open: it was sealed with another NOTIFY_KEY (this one's id is ${keyId}) or was tampered with; register it again (deliverybot notify add … --replace)`,
    );

  return {
    keyId,
    seal(secrets, binding) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", sealingKey, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(binding, "utf8"));
      const plain = JSON.stringify({ url: secrets.url, secret: secrets.secret });
      const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      const encoded = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString("base64url"));
      return [VERSION, ...encoded].join(".");
    },
    open(sealed, binding) {
      const parts = parseSealed(sealed);
      if (parts === undefined) {
        throw new ChannelSealError(
          "seal_malformed",
          `notification channel ${binding} does not open: its stored value is not a sealed channel (v1); register it again (deliverybot notify add … --replace)`,
        );
      }
      let plain: string;
      try {
        const decipher = createDecipheriv("aes-256-gcm", sealingKey, parts.iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(binding, "utf8"));
        decipher.setAuthTag(parts.tag);
        plain = Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]).toString("utf8");
      } catch {
        throw mismatch(binding);
      }
      return toSecrets(plain, binding);
    },
  };
}

function deriveKey(key: string, info: string): Buffer {
  return Buffer.from(hkdfSync("sha256", Buffer.from(key, "utf8"), SALT, info, 32));
}

function parseSealed(sealed: string): { iv: Buffer; tag: Buffer; ciphertext: Buffer } | undefined {
  const [version, iv, tag, ciphertext, ...rest] = sealed.split(".");
  if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined || rest.length > 0)
    return undefined;
  const parts = {
    iv: Buffer.from(iv, "base64url"),
    tag: Buffer.from(tag, "base64url"),
    ciphertext: Buffer.from(ciphertext, "base64url"),
  };
  if (parts.iv.length !== IV_BYTES || parts.tag.length !== TAG_BYTES) return undefined;
  return parts;
}

/** Authenticated plaintext of another shape can only come from a bug: it is reported like a malformed seal. */
function toSecrets(plain: string, binding: string): ChannelSecrets {
  const value = parseJson(plain);
  if (typeof value === "object" && value !== null && "url" in value && "secret" in value) {
    const { url, secret } = value;
    if (typeof url === "string" && (typeof secret === "string" || secret === null)) return { url, secret };
  }
  throw new ChannelSealError(
    "seal_malformed",
    `notification channel ${binding} does not open: its sealed value has no URL; register it again`,
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
