import type { HookRecord } from "../store/hook-store.js";

/** Who asks: a hook (its record), or the admin API (`deliverybot deploy`, `deliverybot promote`), whose token is the permission. */
export type DeployRequester = { readonly kind: "hook"; readonly hook: HookRecord } | { readonly kind: "admin" };
