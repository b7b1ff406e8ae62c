import type { ReasonCode } from "../../domain/reason-codes.js";

/**
 * What an action from the dashboard came to, as the page shows it: done, waiting (a deploy kept
 * until its approvals are in), or refused — the last two with their reason code and sentence.
 */
export type ActionResult =
  | { readonly kind: "done"; readonly message: string }
  | { readonly kind: "waiting"; readonly reason: ReasonCode; readonly message: string }
  | { readonly kind: "refused"; readonly reason: ReasonCode; readonly message: string };
