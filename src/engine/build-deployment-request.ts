import type { Target, TemplateValues } from "../config/model.js";
import { renderPayload, renderTemplate } from "../config/render-template.js";
import type { DeploymentRequest, DeploymentWatch, PendingDeploy } from "../domain/deployments.js";
import type { RepoFacts } from "../domain/repo-facts.js";
import { shortSha } from "../domain/short-sha.js";
import type { ApprovalFact } from "../domain/approvals.js";

/** GitHub rejects deployment descriptions longer than this with a 422. */
const MAX_DESCRIPTION_LENGTH = 140;

/** The template values for one deploy of one target. */
export function templateValues(repo: RepoFacts, target: Target, deploy: PendingDeploy): TemplateValues {
  return {
    ref: deploy.ref,
    sha: deploy.sha,
    short_sha: shortSha(deploy.sha),
    pr: deploy.pr === null ? "" : String(deploy.pr),
    target: target.name,
    owner: repo.owner,
    repo: repo.name,
  };
}

/** How long the watchdog lets a deployment of this target wait for a status, and run. */
export function deploymentWatch(target: Target): DeploymentWatch {
  return { stuckAfterMs: target.stuckAfterMs, timeoutMs: target.timeoutMs };
}

/** The rendered environment name a deploy of this target goes to. */
export function renderEnvironment(repo: RepoFacts, target: Target, deploy: PendingDeploy): string {
  return renderTemplate(target.environment, templateValues(repo, target, deploy));
}

/**
 * Builds the deployment request: `ref` pinned to the checked SHA (the branch or tag travels in the
 * payload), `auto_merge` always explicit, and the payload keys Deliverybot owns set last so a
 * repository's payload cannot forge them.
 */
export function buildDeploymentRequest(
  repo: RepoFacts,
  target: Target,
  deploy: PendingDeploy,
  approvals: readonly ApprovalFact[] = [],
): DeploymentRequest {
  const values = templateValues(repo, target, deploy);
  const description = renderTemplate(target.description, values).slice(0, MAX_DESCRIPTION_LENGTH);
  const request: DeploymentRequest = {
    ref: deploy.sha,
    task: target.task,
    auto_merge: target.autoMerge,
    payload: {
      ...renderPayload(target.payload, values),
      target: target.name,
      ref: deploy.ref,
      sha: deploy.sha,
      pr: deploy.pr,
      trigger: deploy.trigger,
      // Who approved it, for the record a release needs (a target with `approvals` only).
      ...(target.approvals === undefined
        ? {}
        : { approvals: approvals.map((approval) => ({ login: approval.login, at: approval.at.toISOString() })) }),
    },
    environment: renderTemplate(target.environment, values),
    description,
    transient_environment: target.transientEnvironment,
    production_environment: target.productionEnvironment,
  };
  if (target.requiredContexts === undefined) return request;
  return { ...request, required_contexts: [...target.requiredContexts] };
}
