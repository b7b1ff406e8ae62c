import { HOOK_NAME_PATTERN } from "../config/schema.js";
import type { HookRecord, HookStore, NewHook } from "../store/hook-store.js";
import { createHookSecret, type HookSecret } from "./create-hook-secret.js";

/** The repository and name of a hook to create. */
export type CreateHookInput = Omit<NewHook, "id" | "tokenHash">;

/** A hook name the config could not list; `code` lets a CLI tell it from a store failure. */
export class InvalidHookNameError extends Error {
  readonly code = "invalid_hook_name";
  constructor(name: string) {
    super(
      `Invalid hook name ${JSON.stringify(name)}: use lower-case letters, digits and -, starting with a letter or digit, at most 40 characters (e.g. dockerhub).`,
    );
    this.name = "InvalidHookNameError";
  }
}

/**
 * Creates a hook: generates its id and token, stores only the token's hash, and returns the token
 * this one time. Whoever calls it must hand the token to the sender and then forget it.
 */
export async function createHook(
  store: Pick<HookStore, "createHook">,
  input: CreateHookInput,
  now: Date,
  secret: HookSecret = createHookSecret(),
): Promise<{ readonly hook: HookRecord; readonly token: string }> {
  if (!new RegExp(HOOK_NAME_PATTERN).test(input.name)) throw new InvalidHookNameError(input.name);
  const hook = await store.createHook({ ...input, id: secret.id, tokenHash: secret.tokenHash }, now);
  return { hook, token: secret.token };
}
