import { deployAsked } from "../deploy/deploy-asked.js";
import { recordDecision } from "../deploy/record-decision.js";
import type { RepoContext } from "../deploy/repo-context.js";
import type { ReasonCode } from "../domain/reason-codes.js";
import { renderEnvironment } from "../engine/build-deployment-request.js";
import { decideAskedDeploy } from "../engine/decide-hook-deploy.js";
import { pickPromotionCommit } from "../engine/pick-promotion-commit.js";
import { selectAdminTarget } from "../engine/select-admin-target.js";
import type { HookTargetSelection } from "../engine/select-hook-target.js";
import { adminClaimKey, deriveRequestId } from "./hook-request-id.js";
import type { HookResponse } from "./hook-response.js";
import { hookRefusal, renderHookAnswer } from "./render-hook-answer.js";
import { refuseConfig } from "./refuse-config.js";
import { targetRefusal } from "./target-refusal.js";

/** A promotion asked for through the admin API (`deliverybot promote`): target names as given. */
export interface AdminPromotion {
  readonly from: string;
  readonly to: string;
  /** The id the sender gave the request, if any. */
  readonly requestId: string | undefined;
}

/** A refusal to answer and record; `commit` is empty while none was picked. */
interface PromotionRefusal {
  readonly status: number;
  readonly error: string;
  readonly reason: ReasonCode;
  readonly message: string;
  readonly target: string;
  readonly commit?: { readonly ref: string; readonly sha: string };
}

/**
 * The admin API's promotion: the commit of `from`'s environment's newest deployment once it
 * succeeded, as `/promote` picks it (`waiting_for_upstream`, `upstream_failed` otherwise), deployed
 * to `to` through the gates of `deliverybot deploy` (locks, freezes, checks; never forced), once per
 * request id. Without one, the same promotion of the same commit is the same request, so a retry
 * deploys nothing twice. Every refusal from the configuration on is recorded as a decision
 * answering the request (`admin:<request-id>`).
 */
export async function handleAdminPromote(repoContext: RepoContext, call: AdminPromotion): Promise<HookResponse> {
  const { repo } = repoContext;
  // Targets are named case-insensitively: "Staging" asks what "staging" asks.
  const requestKey = (sha: string) =>
    adminClaimKey(call.requestId ?? deriveRequestId(`promote ${call.from.toLowerCase()}`, call.to.toLowerCase(), sha));
  const refuse = async (refusal: PromotionRefusal): Promise<HookResponse> => {
    const { status, error, reason, message, target, commit = { ref: "", sha: "" } } = refusal;
    await recordDecision({ ...repoContext, origin: requestKey(commit.sha) }, { target, ...commit, pr: null, reason, message });
    return hookRefusal("admin", status, { error, message }, reason);
  };

  const loaded = await repoContext.github.loadConfig();
  if (loaded.kind !== "ok") return refuse({ ...refuseConfig(loaded, { kind: "admin" }), target: call.to });
  const refuseTarget = (selection: Extract<HookTargetSelection, { refusal: unknown }>) => {
    const { status, body } = targetRefusal(selection.refusal, true);
    const { reason, message } = selection;
    return refuse({ status, error: String(body["error"]), reason, message, target: call.to });
  };
  const from = selectAdminTarget(loaded.config, call.from);
  if ("refusal" in from) return refuseTarget(from);
  const to = selectAdminTarget(loaded.config, call.to);
  if ("refusal" in to) return refuseTarget(to);
  const target = to.target.name;
  if (from.target.name === target) {
    const message = "Promote from one target to another.";
    return refuse({ status: 400, error: "same target", reason: "invalid_request", message, target });
  }

  const upstream = renderEnvironment(repo, from.target, {
    target: from.target.name,
    ref: "",
    sha: "",
    pr: null,
    trigger: "admin",
  });
  const [newest] = await repoContext.store.listDeployments(repo.id, upstream, 1);
  const pick = pickPromotionCommit(newest, upstream);
  if (pick.kind === "nothing_deployed") {
    return refuse({ status: 409, error: "nothing deployed", reason: "invalid_request", message: pick.message, target });
  }
  const commit = { ref: pick.ref, sha: pick.sha };
  if (pick.kind === "refused") {
    return refuse({ status: 409, error: pick.reason, reason: pick.reason, message: pick.message, target, commit });
  }

  const via = requestKey(commit.sha);
  const deps: RepoContext = { ...repoContext, origin: via };
  const [checks, locks, approvals] = await Promise.all([
    deps.store.listChecks(repo.id, commit.sha),
    deps.store.listLocks(repo.id, deps.now()),
    deps.store.listApprovals(repo.id, commit.sha),
  ]);
  const state = { checks, locks, now: deps.now(), approvals };
  const decision = decideAskedDeploy({
    repo,
    target: to.target,
    asker: { kind: "admin" },
    commit,
    image: undefined,
    tag: undefined,
    state,
  });
  const outcome = await deployAsked(deps, decision, { target, ...commit, pr: null, via, asker: { kind: "admin" } });
  return renderHookAnswer(outcome, "admin", deps.now());
}
