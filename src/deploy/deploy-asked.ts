import type { CommandDecision } from "../engine/decide-command-deploy.js";
import { deployOnce } from "./deploy-once.js";
import type { DeployOutcome } from "./deploy-outcome.js";
import { recordDecision } from "./record-decision.js";
import type { RepoContext } from "./repo-context.js";

/** A deploy somebody asked for: which commit of which target, and the request it answers. */
export interface AskedDeploy {
  readonly target: string;
  readonly ref: string;
  readonly sha: string;
  /** The pull request the command was written on; null for a hook or the admin API. */
  readonly pr: number | null;
  /** The claim that makes the request deploy at most once: `comment:<id>`, `hook:<hook-id>:<request-id>` or `admin:<request-id>`. */
  readonly via: string;
}

/**
 * Carries out the engine's decision about a deploy a command, a hook or the admin API asked for:
 * a refusal is recorded and returned as it is; a deploy is created once per request. It never
 * waits: whoever asked is told the outcome and may ask again.
 */
export async function deployAsked(deps: RepoContext, decision: CommandDecision, asked: AskedDeploy): Promise<DeployOutcome> {
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
