import type { CommandDecision } from "../engine/decide-command-deploy.js";
import type { Asker } from "../domain/asker.js";
import { deployOnce } from "./deploy-once.js";
import type { AskedOutcome } from "./deploy-outcome.js";
import { recordDecision } from "./record-decision.js";
import type { RepoContext } from "./repo-context.js";

/** A deploy somebody asked for: which commit of which target, and the request it answers. */
export interface AskedDeploy {
  readonly target: string;
  readonly ref: string;
  readonly sha: string;
  /** The pull request the command was written on; null for a hook or the admin API. */
  readonly pr: number | null;
  /** The claim that makes the request deploy at most once: `comment:<id>`, `hook:<hook-id>:<request-id>`, `admin:<request-id>` or `dashboard:<request-id>`. */
  readonly via: string;
  /** Who asked, and what the request said: kept while it waits for approvals, to decide it again. */
  readonly asker: Asker;
}

/**
 * Carries out the engine's decision about a deploy a command, a hook, the admin API or the
 * dashboard asked for: a refusal is recorded and returned as it is; a deploy is created once per
 * request; a deploy that waits for its target's approvals is kept (one per request) until they
 * are in — it waits for nothing else: whoever asked is told why not and may ask again.
 */
export async function deployAsked(deps: RepoContext, decision: CommandDecision, asked: AskedDeploy): Promise<AskedOutcome> {
  const { target, ref, sha, pr, via } = asked;
  const { environment } = decision;
  if (decision.action === "wait") {
    const { reason, message } = decision;
    await recordDecision(deps, { target, ref, sha, pr, reason, message });
    const { repo, installationId } = deps;
    const where = { repoId: repo.id, owner: repo.owner, repo: repo.name, installationId };
    const deployedBefore = await newestDeployment(deps, sha, environment);
    const askedAt = deps.now();
    await deps.store.saveAskedDeploy({ ...where, via, target, ref, sha, pr, asker: asked.asker, deployedBefore, askedAt });
    return { kind: "waiting", target, environment, ref, sha, reason, message };
  }
  const outcome = await decideOrDeploy(deps, decision, asked);
  // Decided: it no longer waits, if it did (a request asked again, or decided again once approved).
  if (outcome.kind !== "in_flight") await deps.store.deleteAskedDeploy(deps.repo.id, via);
  return outcome;
}

async function decideOrDeploy(
  deps: RepoContext,
  decision: Exclude<CommandDecision, { action: "wait" }>,
  asked: AskedDeploy,
): Promise<AskedOutcome> {
  const { target, ref, sha, pr, via } = asked;
  const { environment } = decision;
  if (decision.action === "refuse") {
    const { reason, message } = decision;
    await recordDecision(deps, { target, ref, sha, pr, reason, message });
    return { kind: "refused", target, environment, ref, sha, reason, message };
  }
  const { request, message, watch } = decision;
  const claim = { repoId: deps.repo.id, environment, sha, target, ref, pr, transient: request.transient_environment, via };
  return deployOnce(deps, { claim, request, message, watch });
}

/** The newest deployment of the commit to the environment, by GitHub's id; null when none. */
async function newestDeployment(deps: RepoContext, sha: string, environment: string): Promise<number | null> {
  const deployments = await deps.store.listDeploymentsOfCommits(deps.repo.id, [sha]);
  const ids = deployments.filter((d) => d.environment === environment).map((d) => d.id);
  return ids.length === 0 ? null : Math.max(...ids);
}
