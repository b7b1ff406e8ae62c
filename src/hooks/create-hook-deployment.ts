import type { HookDecision } from "../engine/decide-hook-deploy.js";
import { createClaimedDeployment } from "../handlers/create-claimed-deployment.js";
import type { HandlerDeps } from "../handlers/handler-deps.js";
import { recordDecision, type DecisionOutcome } from "../handlers/record-decision.js";
import { hookResponse, type HookResponse } from "./hook-response.js";

/** How long a sender should wait before retrying after GitHub failed. */
const RETRY_AFTER_SECONDS = 30;

/**
 * Creates the deployment a hook request (or the admin API, `asker`) asked for, once per request: the
 * claim is keyed by the hook and the request id, or `admin:<request-id>` (`deps.deliveryId`), so a repeated request deploys nothing, while a new
 * request may deploy the same commit again (a new image of an unchanged commit). When GitHub does
 * not create it the claim is given back, so the sender may retry the same request.
 */
export async function createHookDeployment(
  deps: HandlerDeps & { readonly deliveryId: string },
  decision: Extract<HookDecision, { action: "deploy" }>,
  subject: Omit<DecisionOutcome, "reason" | "message"> & { readonly target: string },
  asker: "hook" | "admin" = "hook",
): Promise<HookResponse> {
  const { request, environment } = decision;
  const { target, ref, sha } = subject;
  const claim = { repoId: deps.repo.id, environment, sha, target, ref, pr: null, transient: request.transient_environment };
  const outcome = await createClaimedDeployment(deps, { ...claim, via: deps.deliveryId }, request);
  const answer = { sha, environment, target };
  if (outcome.kind === "already_claimed") {
    const message = `This request was handled before; ${sha.slice(0, 7)} is not deployed again.`;
    await recordDecision(deps, { ...subject, reason: "already_deployed", message });
    return hookResponse(200, { status: "already_deployed", ...answer, message });
  }
  if (outcome.kind === "in_progress") {
    const wait = secondsUntil(outcome.retryAt, deps.now());
    const message = `This request's deployment of ${sha.slice(0, 7)} is in progress; ask again to see how it went.`;
    return hookResponse(409, { error: "in_progress", ...answer, message }, { "retry-after": String(wait) });
  }
  if (outcome.kind === "created") {
    await recordDecision(deps, {
      ...subject,
      reason: "deployed",
      message: `${decision.message} Deployment ${outcome.id} created.`,
    });
    return hookResponse(201, { status: "deployed", deployment: outcome.id, ...answer });
  }

  const status = outcome.kind === "not_now" ? "" : ` (${outcome.status ?? "no answer"})`;
  const message = `GitHub did not create the deployment${status}: ${outcome.message}`;
  if (outcome.kind === "not_now") {
    await recordDecision(deps, { ...subject, reason: "waiting_for_checks", message });
    if (asker === "admin") {
      return hookResponse(409, {
        error: "waiting_for_checks",
        reason: "waiting_for_checks",
        message: `${message}. Deploy again once green.`,
      });
    }
    return hookResponse(409, { error: "waiting_for_checks", message: `${message}. Call the hook again once green.` });
  }
  await recordDecision(deps, { ...subject, reason: "github_error", message });
  if (outcome.kind === "rejected") return hookResponse(502, { error: "github_error", message });
  // A rate limit says when to come back; otherwise a short wait.
  const wait = outcome.retryAt === null ? RETRY_AFTER_SECONDS : secondsUntil(outcome.retryAt, deps.now());
  return hookResponse(503, { error: "github_unavailable", message }, { "retry-after": String(wait) });
}

function secondsUntil(at: Date, now: Date): number {
  return Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));
}
