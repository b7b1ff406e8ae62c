import { describeInvalidConfig } from "../config/describe-invalid-config.js";
import type { DeployConfig } from "../config/model.js";
import { recordDecision } from "../deploy/record-decision.js";
import type { RepoContext } from "../deploy/repo-context.js";

/** The commit a configuration problem is recorded against. */
export interface DecisionSubject {
  readonly ref: string;
  readonly sha: string;
  readonly pr: number | null;
}

/**
 * Loads the default branch's configuration. A repository without one is not using Deliverybot
 * (undefined, nothing recorded); an invalid one is recorded as a `config_invalid` decision.
 */
export async function loadValidConfig(deps: RepoContext, subject: DecisionSubject): Promise<DeployConfig | undefined> {
  const loaded = await deps.github.loadConfig();
  if (loaded.kind === "ok") return loaded.config;
  if (loaded.kind === "missing") {
    deps.log.debug({ repo: `${deps.repo.owner}/${deps.repo.name}` }, "no .github/deploy.yml; ignoring event");
    return undefined;
  }
  const message = describeInvalidConfig(loaded.problems);
  await recordDecision(deps, { ...subject, target: null, reason: "config_invalid", message });
  return undefined;
}
