import type { HookTargetRefusal } from "../engine/select-hook-target.js";
import type { HookResponse } from "./hook-response.js";

const BODIES: { readonly [K in HookTargetRefusal]: (requested: boolean) => HookResponse["body"] } = {
  unknown_target: () => ({ error: "unknown target" }),
  not_allowed: (requested) => ({ error: requested ? "target does not allow this hook" : "no target allows this hook" }),
  ambiguous: () => ({ error: "invalid request", expected: "/hooks/deploy/<hook-id>/<target>" }),
};
const STATUSES: { readonly [K in HookTargetRefusal]: number } = { unknown_target: 404, not_allowed: 403, ambiguous: 400 };

/**
 * The HTTP status and body (without its `message`) of a request with no target to deploy: 404 for a
 * target that does not exist, 403 for one the hook may not deploy, 400 when the hook must name one.
 * `requested`: whether the request named a target.
 */
export function targetRefusal(
  refusal: HookTargetRefusal,
  requested: boolean,
): { readonly status: number; readonly body: HookResponse["body"] } {
  return { status: STATUSES[refusal], body: BODIES[refusal](requested) };
}
