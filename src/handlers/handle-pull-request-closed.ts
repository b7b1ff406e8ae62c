import { recordDecision } from "../deploy/record-decision.js";
import type { RepoContext } from "../deploy/repo-context.js";
import { shortSha } from "../domain/short-sha.js";
import { reevaluateRepository } from "./reevaluate-repository.js";

/**
 * A closed (or merged) pull request: drop its waiting deploys, release the locks taken from it
 * (deploys waiting on them go ahead) and retire its transient environments.
 */
export async function handlePullRequestClosed(deps: RepoContext, pr: number, ref: string): Promise<void> {
  const { store, repo } = deps;
  const waiting = await store.listPendingByRef(repo.id, ref);
  for (const pending of waiting.filter((candidate) => candidate.pr === pr)) {
    await store.deletePending(repo.id, pending.target, pending.ref, pending.sha);
    const message = `Pull request #${pr} closed before ${shortSha(pending.sha)} deployed to ${pending.target}.`;
    await recordDecision(deps, { ...pending, reason: "pull_request_closed", message });
  }

  const released = await store.releaseLocksOfPullRequest(repo.id, pr);
  if (released.length > 0) await reevaluateRepository(deps);

  const transient = await store.listActiveTransientDeployments(repo.id, pr);
  for (const deployment of transient) {
    const status = await deps.github.createDeploymentStatus(deployment.id, "inactive", `Pull request #${pr} was closed`);
    await store.recordDeploymentStatus({ ...status, deploymentId: deployment.id, environmentUrl: null, logUrl: null });
    deps.log.info(
      { deployment: deployment.id, environment: deployment.environment, pr },
      "transient environment marked inactive",
    );
  }
}
