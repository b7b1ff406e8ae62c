import type { Logger } from "probot";
import { decideHookDeploy } from "../engine/decide-hook-deploy.js";
import { selectHookTarget, type HookTargetRefusal } from "../engine/select-hook-target.js";
import type { GitHubPort } from "../github/github-port.js";
import type { ConfigLoad } from "../github/load-config.js";
import type { ReasonCode } from "../engine/reason-codes.js";
import type { HandlerDeps } from "../handlers/handler-deps.js";
import { recordDecision } from "../handlers/record-decision.js";
import type { HookRecord, Store } from "../store/store.js";
import { createHookDeployment } from "./create-hook-deployment.js";
import { deriveRequestId, hookClaimKey } from "./hook-request-id.js";
import { hookResponse, type HookResponse } from "./hook-response.js";
import type { HookRequest } from "./parse-hook-request.js";
import { resolveHookCommit } from "./resolve-hook-commit.js";

/** What a hook deploy runs with: GitHub as the hook's installation, bound to its repository. */
export interface HookDeployDeps {
  readonly store: Store;
  readonly github: GitHubPort;
  readonly log: Logger;
  readonly now: () => Date;
}

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

/**
 * Deploys what a hook request asks for through the gates every deploy passes: the commit, the
 * default branch's configuration, the target that allows the hook, locks and checks, then once per
 * request id. Every outcome from the commit on is recorded as a decision with a reason code.
 */
export async function handleHookDeploy(deps: HookDeployDeps, call: HookCall): Promise<HookResponse> {
  const { hook } = call;
  const commit = await resolveHookCommit(deps.github, call.request);
  if (!commit.ok) return hookResponse(422, { error: "unknown ref", message: commit.message });

  const requestId = call.requestId ?? deriveRequestId(call.body, call.target, commit.sha);
  const repo = { id: hook.repoId, owner: hook.owner, name: hook.repo };
  const via = hookClaimKey(hook.id, requestId);
  const handler: HandlerDeps & { deliveryId: string } = { ...deps, repo, installationId: hook.installationId, deliveryId: via };
  const subject = { target: call.target ?? null, ref: commit.ref, sha: commit.sha, pr: null };

  const loaded = await deps.github.loadConfig();
  if (loaded.kind !== "ok") {
    const refusal = refuseConfig(loaded, hook.name);
    await recordDecision(handler, { ...subject, reason: refusal.reason, message: refusal.message });
    return hookResponse(refusal.status, { error: refusal.error, message: refusal.message });
  }

  const selection = selectHookTarget(loaded.config, hook.name, call.target);
  if ("refusal" in selection) {
    await recordDecision(handler, { ...subject, reason: selection.reason, message: selection.message });
    const body = TARGET_REFUSALS[selection.refusal](call.target !== undefined);
    return hookResponse(TARGET_STATUS[selection.refusal], { ...body, message: selection.message });
  }

  const { target } = selection;
  const [checks, locks] = await Promise.all([
    deps.store.listChecks(repo.id, commit.sha),
    deps.store.listLocks(repo.id, deps.now()),
  ]);
  const image = call.request.kind === "docker_hub" ? call.request.image : undefined;
  const tag = call.request.kind === "docker_hub" || call.request.kind === "tag" ? call.request.tag : undefined;
  const decision = decideHookDeploy({ repo, target, hookName: hook.name, commit, image, tag, state: { checks, locks } });
  const decided = { ...subject, target: target.name };
  if (decision.action === "refuse") {
    await recordDecision(handler, { ...decided, reason: decision.reason, message: decision.message });
    return hookResponse(409, { error: decision.reason, message: decision.message });
  }
  return createHookDeployment(handler, decision, decided);
}

/** A missing configuration lets no hook deploy (403); an invalid one stops every deploy (409). */
function refuseConfig(
  loaded: Exclude<ConfigLoad, { kind: "ok" }>,
  hookName: string,
): { reason: ReasonCode; status: number; error: string; message: string } {
  if (loaded.kind === "missing") {
    const message = `There is no .github/deploy.yml on the default branch, so no target allows hook ${hookName}.`;
    return { reason: "not_permitted", status: 403, error: "no target allows this hook", message };
  }
  const [first] = loaded.problems;
  const where = first === undefined ? "" : `${first.file}${first.line === undefined ? "" : `:${first.line}`} `;
  const message = `The configuration is invalid, nothing deploys until it is fixed: ${where}${first?.message ?? ""}`;
  return { reason: "config_invalid", status: 409, error: "config_invalid", message };
}
