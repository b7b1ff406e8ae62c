import { resolveActor } from "../../deploy/resolve-actor.js";
import type { RepoContext } from "../../deploy/repo-context.js";
import { renderEnvironment } from "../../engine/build-deployment-request.js";
import { decideCommandDeploy } from "../../engine/decide-command-deploy.js";
import { pickRollbackCommit } from "../../engine/pick-rollback-commit.js";
import type { ActionResult } from "./action-result.js";
import { loadDashboardConfig } from "./load-dashboard-config.js";
import { carryOut } from "./deploy-from-dashboard.js";

/** A rollback asked for with the dashboard: of one environment, once per form. */
export interface DashboardRollback {
  readonly login: string;
  readonly environment: string;
  readonly requestId: string;
}

/**
 * Redeploys the commit of the environment's last successful deployment before the current one,
 * as `/rollback` does: the target whose environment it is, the user's permission and the locks;
 * GitHub's verification of `required_contexts` is the gate (old commits' checks are rarely known here).
 */
export async function rollbackFromDashboard(deps: RepoContext, asked: DashboardRollback): Promise<ActionResult> {
  const loaded = await loadDashboardConfig(deps);
  if ("refused" in loaded) return loaded.refused;
  const target = loaded.config.targets.find(
    (candidate) =>
      renderEnvironment(deps.repo, candidate, { target: candidate.name, ref: "", sha: "", pr: null, trigger: "dashboard" }) ===
      asked.environment,
  );
  if (target === undefined) {
    return {
      kind: "refused",
      reason: "invalid_command",
      message: `No target of .github/deploy.yml deploys to ${asked.environment}.`,
    };
  }
  const previous = pickRollbackCommit(await deps.store.listDeployments(deps.repo.id, asked.environment));
  if (previous === undefined) {
    return {
      kind: "refused",
      reason: "invalid_command",
      message: `${asked.environment} has no earlier successful deployment to roll back to.`,
    };
  }
  const [actor, locks] = await Promise.all([
    resolveActor(deps.github, asked.login, target),
    deps.store.listLocks(deps.repo.id, deps.now()),
  ]);
  const commit = { ref: previous.ref, sha: previous.sha };
  const decision = decideCommandDeploy({
    repo: deps.repo,
    target,
    actor,
    pr: null,
    commit,
    force: false,
    params: {},
    gates: "github",
    state: { checks: [], locks, now: deps.now(), approvals: [] },
  });
  return carryOut(deps, decision, {
    target: target.name,
    ...commit,
    login: asked.login,
    requestId: asked.requestId,
    force: false,
  });
}
