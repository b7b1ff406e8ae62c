import type { DeployConfig } from "../config/model.js";
import { deployAsked } from "../deploy/deploy-asked.js";
import { recordDecision } from "../deploy/record-decision.js";
import type { RepoContext } from "../deploy/repo-context.js";
import type { ReasonCode } from "../domain/reason-codes.js";
import { decideAskedDeploy } from "../engine/decide-hook-deploy.js";
import { selectHookTarget, type HookTargetRefusal, type HookTargetSelection } from "../engine/select-hook-target.js";
import type { ConfigLoad } from "../github/load-config.js";
import type { HookRecord } from "../store/hook-store.js";
import { adminClaimKey, deriveRequestId, hookClaimKey } from "./hook-request-id.js";
import { hookResponse, type HookResponse } from "./hook-response.js";
import type { HookRequest } from "./parse-hook-request.js";
import { hookRefusal, renderHookAnswer } from "./render-hook-answer.js";
import { resolveHookCommit } from "./resolve-hook-commit.js";

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

const TARGET_REFUSALS: { readonly [K in HookTargetRefusal]: (requested: boolean) => HookResponse["body"] } = {
  unknown_target: () => ({ error: "unknown target" }),
  not_allowed: (requested) => ({ error: requested ? "target does not allow this hook" : "no target allows this hook" }),
  ambiguous: () => ({ error: "invalid request", expected: "/hooks/deploy/<hook-id>/<target>" }),
};
const TARGET_STATUS: { readonly [K in HookTargetRefusal]: number } = { unknown_target: 404, not_allowed: 403, ambiguous: 400 };

/** Who asks: a hook (its record), or the admin API (`deliverybot deploy`), whose token is the permission. */
export type DeployRequester = { readonly kind: "hook"; readonly hook: HookRecord } | { readonly kind: "admin" };

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
    const body = TARGET_REFUSALS[selection.refusal](call.target !== undefined);
    return refused(TARGET_STATUS[selection.refusal], { ...body, message: selection.message }, selection.reason);
  }

  const { target } = selection;
  const [checks, locks] = await Promise.all([
    deps.store.listChecks(repo.id, commit.sha),
    deps.store.listLocks(repo.id, deps.now()),
  ]);
  const image = call.request.kind === "docker_hub" ? call.request.image : undefined;
  const tag = call.request.kind === "docker_hub" || call.request.kind === "tag" ? call.request.tag : undefined;
  const asker = requester.kind === "hook" ? { kind: "hook" as const, name: requester.hook.name } : { kind: "admin" as const };
  const decision = decideAskedDeploy({ repo, target, asker, commit, image, tag, state: { checks, locks, now: deps.now() } });
  const outcome = await deployAsked(deps, decision, { target: target.name, ref: commit.ref, sha: commit.sha, pr: null, via });
  return renderHookAnswer(outcome, requester.kind, deps.now());
}

/** The target the admin API names: any target of the configuration, no `hooks` opt-in needed. */
function selectAdminTarget(config: DeployConfig, requested: string): HookTargetSelection {
  const target = config.targets.find((candidate) => candidate.name.toLowerCase() === requested.toLowerCase());
  if (target !== undefined) return { target };
  const names = config.targets.map((candidate) => candidate.name).join(", ");
  const message = `There is no target ${requested} in .github/deploy.yml; ${names === "" ? "it has no targets" : `the targets are ${names}`}.`;
  return { refusal: "unknown_target", reason: "invalid_request", message };
}

/**
 * A missing configuration lets no hook deploy (403) and leaves the admin API no target (404); an
 * invalid one stops every deploy (409).
 */
function refuseConfig(
  loaded: Exclude<ConfigLoad, { kind: "ok" }>,
  requester: DeployRequester,
): { reason: ReasonCode; status: number; error: string; message: string } {
  if (loaded.kind === "missing") {
    if (requester.kind === "admin") {
      const message = "There is no .github/deploy.yml on the default branch, so there is no target to deploy.";
      return { reason: "invalid_request", status: 404, error: "no .github/deploy.yml", message };
    }
    const message = `There is no .github/deploy.yml on the default branch, so no target allows hook ${requester.hook.name}.`;
    return { reason: "not_permitted", status: 403, error: "no target allows this hook", message };
  }
  const [first] = loaded.problems;
  const where = first === undefined ? "" : `${first.file}${first.line === undefined ? "" : `:${first.line}`} `;
  const message = `The configuration is invalid, nothing deploys until it is fixed: ${where}${first?.message ?? ""}`;
  return { reason: "config_invalid", status: 409, error: "config_invalid", message };
}
