import { randomBytes } from "node:crypto";
import { hashHookToken } from "./verify-hook-token.js";

/** A new hook's identity: the public id, the token shown once, and the hash that is stored. */
export interface HookSecret {
  /** 22 URL-safe characters (128 random bits): the public part of the hook's URL. */
  readonly id: string;
  /** 43 URL-safe characters (256 random bits); never stored, shown to its creator once. */
  readonly token: string;
  readonly tokenHash: string;
}

/**
 * Generates a hook id and token. Both are base64url, so they fit a URL (`?token=`) and an HTTP
 * header without escaping; the id is random too, so a hook's URL does not reveal which repository
 * it deploys or how many hooks exist.
 */
export function createHookSecret(random: (size: number) => Buffer = randomBytes): HookSecret {
  const id = random(16).toString("base64url");
  const token = random(32).toString("base64url");
  return { id, token, tokenHash: hashHookToken(token) };
}
