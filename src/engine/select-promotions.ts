import type { DeployConfig, Target } from "../config/model.js";
import type { RepoFacts } from "../domain/repo-facts.js";
import { renderEnvironment } from "./build-deployment-request.js";

/** The targets that promote from whichever target deploys to `environment` (a deployment of `sha` there). */
export function selectPromotions(config: DeployConfig, repo: RepoFacts, environment: string, sha: string): Target[] {
  const upstreams = new Set(
    config.targets
      .filter(
        (target) =>
          renderEnvironment(repo, target, { target: target.name, ref: sha, sha, pr: null, trigger: "promotion" }) === environment,
      )
      .map((target) => target.name),
  );
  return config.targets.filter((target) => target.promoteFrom.some((name) => upstreams.has(name)));
}
