import { deployAsked } from "../deploy/deploy-asked.js";
import { recordDecision } from "../deploy/record-decision.js";
import type { RepoContext } from "../deploy/repo-context.js";
import type { ReasonCode } from "../domain/reason-codes.js";
import { decideAskedDeploy } from "../engine/decide-hook-deploy.js";
import { selectAdminTarget } from "../engine/select-admin-target.js";
import { selectHookTarget } from "../engine/select-hook-target.js";
import type { Asker } from "../domain/asker.js";
import type { HookRecord } from "../store/hook-store.js";
import type { DeployRequester } from "./deploy-requester.js";
import { adminClaimKey, deriveRequestId, hookClaimKey } from "./hook-request-id.js";
import { hookResponse, type HookResponse } from "./hook-response.js";
import type { HookRequest } from "./parse-hook-request.js";
import { hookRefusal, renderHookAnswer } from "./render-hook-answer.js";
import { refuseConfig } from "./refuse-config.js";
import { resolveHookCommit } from "./resolve-hook-commit.js";
import { targetRefusal } from "./target-refusal.js";

/** An authenticated hook request with a body in one of the accepted shapes. */
export interface HookCall {
  readonly hook: HookRecord;
  readonly request: HookRequest;
  /** The target the URL names, if it names one. */
  readonly target: string | undefined;
  /** The id the sender gave the request (`readRequestId`), if any. */
  readonly requestId: string | undefined;
  /** The body as received, to tell a retry from a new request when no id was given. */
  readonly body: string;
}

/** A deploy asked for from outside GitHub, by a hook or through the admin API. */
export interface ExternalDeploy {
  readonly requester: DeployRequester;
  readonly request: HookRequest;
  /** The target asked for; the admin API always names one. */
  readonly target: string | undefined;
  /** The id the sender gave the request, if any. */
  readonly requestId: string | undefined;
  /** The request as received, to tell a retry from a new request when no id was given. */
  readonly body: string;
}

/**
 * Deploys what a hook request asks for through the gates every deploy passes: the commit, the
 * default branch's configuration, the target that allows the hook, locks and checks, then once per
 * request id. Every outcome from the commit on is recorded as a decision with a reason code.
 */
export async function handleHookDeploy(deps: RepoContext, call: HookCall): Promise<HookResponse> {
  const { hook, ...rest } = call;
  return handleExternalDeploy(deps, { ...rest, requester: { kind: "hook", hook } });
}

/**
 * The pipeline of a hook's or the admin API's deploy. A hook may deploy only the targets that list
 * it in `hooks`; the admin API any target. Admin refusals carry their `reason` code. Decisions are
 * recorded as answering the request (`hook:<hook-id>:<request-id>` or `admin:<request-id>`).
 */
export async function handleExternalDeploy(repoContext: RepoContext, call: ExternalDeploy): Promise<HookResponse> {
  const { requester } = call;
  const { repo } = repoContext;
  const commit = await resolveHookCommit(repoContext.github, call.request);
  if (!commit.ok) return hookResponse(422, { error: "unknown ref", message: commit.message });

  const requestId = call.requestId ?? deriveRequestId(call.body, call.target, commit.sha);
  const via = requester.kind === "hook" ? hookClaimKey(requester.hook.id, requestId) : adminClaimKey(requestId);
  // Every decision from here on answers this request.
  const deps: RepoContext = { ...repoContext, origin: via };
  const subject = { target: call.target ?? null, ref: commit.ref, sha: commit.sha, pr: null };
  const refused = (status: number, body: HookResponse["body"], reason: ReasonCode): HookResponse =>
    hookRefusal(requester.kind, status, body, reason);

  const loaded = await deps.github.loadConfig();
  if (loaded.kind !== "ok") {
    const refusal = refuseConfig(loaded, requester);
    await recordDecision(deps, { ...subject, reason: refusal.reason, message: refusal.message });
    return refused(refusal.status, { error: refusal.error, message: refusal.message }, refusal.reason);
  }

  const selection =
    requester.kind === "hook"
      ? selectHookTarget(loaded.config, requester.hook.name, call.target)
      : selectAdminTarget(loaded.config, call.target ?? "");
  if ("refusal" in selection) {
    await recordDecision(deps, { ...subject, reason: selection.reason, message: selection.message });
    const { status, body } = targetRefusal(selection.refusal, call.target !== undefined);
    return refused(status, { ...body, message: selection.message }, selection.reason);
  }

  const { target } = selection;
  const [checks, locks, approvals] = await Promise.all([
    deps.store.listChecks(repo.id, commit.sha),
    deps.store.listLocks(repo.id, deps.now()),
    deps.store.listApprovals(repo.id, commit.sha),
  ]);
  const image = call.request.kind === "docker_hub" ? call.request.image : undefined;
  const tag = call.request.kind === "docker_hub" || call.request.kind === "tag" ? call.request.tag : undefined;
  const asker = requester.kind === "hook" ? { kind: "hook" as const, name: requester.hook.name } : { kind: "admin" as const };
  const decision = decideAskedDeploy({
    repo,
    target,
    asker,
    commit,
    image,
    tag,
    state: { checks, locks, now: deps.now(), approvals },
  });
  const askedBy: Asker =
    asker.kind === "hook" ? { ...asker, image: image ?? null, tag: tag ?? null } : { kind: "admin" as const };
  const outcome = await deployAsked(deps, decision, { target: target.name, ...commit, pr: null, via, asker: askedBy });
  return renderHookAnswer(outcome, requester.kind, deps.now());
}
