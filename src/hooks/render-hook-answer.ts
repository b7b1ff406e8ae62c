import type { AskedOutcome } from "../deploy/deploy-outcome.js";
import type { ReasonCode } from "../domain/reason-codes.js";
import { shortSha } from "../domain/short-sha.js";
import { hookResponse, type HookResponse } from "./hook-response.js";

/** How long a sender should wait before retrying after GitHub failed, when GitHub named no time. */
const RETRY_AFTER_SECONDS = 30;

/**
 * The HTTP answer to a deploy a hook (`hook`) or the admin API (`admin`) asked for: 201 deployed,
 * 200 already deployed by this request, 202 kept until the target's approvals are in (it deploys
 * then, once), 409 refused by a gate or in flight (with `retry-after`),
 * 502 refused by GitHub, 503 GitHub unavailable (with `retry-after`). The admin API's refusals
 * also carry their `reason` code.
 */
export function renderHookAnswer(outcome: AskedOutcome, asker: "hook" | "admin", now: Date): HookResponse {
  const { sha, environment, target } = outcome;
  const answer = { sha, environment, target };
  const refused = (body: HookResponse["body"], reason: ReasonCode) => hookRefusal(asker, 409, body, reason);
  switch (outcome.kind) {
    case "deployed":
      return hookResponse(201, { status: "deployed", deployment: outcome.deploymentId, ...answer });
    case "already_deployed":
      return hookResponse(200, { status: "already_deployed", ...answer, message: outcome.message });
    case "in_flight": {
      const message = `This request's deployment of ${shortSha(sha)} is in progress; ask again to see how it went.`;
      const retryAfter = String(secondsUntil(outcome.retryAt, now));
      return hookResponse(409, { error: "in_progress", ...answer, message }, { "retry-after": retryAfter });
    }
    case "waiting":
      return hookResponse(202, { status: "waiting", reason: outcome.reason, ...answer, message: outcome.message });
    case "refused":
      return refused({ error: outcome.reason, message: outcome.message }, outcome.reason);
    case "not_now": {
      const again = asker === "admin" ? "Deploy again once green." : "Call the hook again once green.";
      return refused({ error: outcome.reason, message: `${outcome.message}. ${again}` }, outcome.reason);
    }
    case "github_error": {
      if (!outcome.retryable) return hookResponse(502, { error: "github_error", message: outcome.message });
      // A rate limit says when to come back; otherwise a short wait.
      const wait = outcome.retryAt === null ? RETRY_AFTER_SECONDS : secondsUntil(outcome.retryAt, now);
      return hookResponse(503, { error: "github_unavailable", message: outcome.message }, { "retry-after": String(wait) });
    }
  }
}

/** A refusal as the asker hears it: the admin API's carry their `reason` code too. */
export function hookRefusal(
  asker: "hook" | "admin",
  status: number,
  body: HookResponse["body"],
  reason: ReasonCode,
): HookResponse {
  return hookResponse(status, asker === "admin" ? { ...body, reason } : body);
}

function secondsUntil(at: Date, now: Date): number {
  return Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));
}
