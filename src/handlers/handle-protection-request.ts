import type { RepoContext } from "../deploy/repo-context.js";
import type { ProtectionRequestFacts } from "../domain/event-facts.js";
import { answerProtectionRequests } from "./answer-protection-requests.js";

/**
 * A workflow job asks to deploy to an environment Deliverybot protects: the request is kept (so a
 * crash, a lock or a freeze loses nothing), then answered from the configuration on the default
 * branch — at once, or when what holds it ends.
 */
export async function handleProtectionRequest(deps: RepoContext, facts: ProtectionRequestFacts): Promise<void> {
  const { repo } = deps;
  const request = {
    ...facts,
    repoId: repo.id,
    owner: repo.owner,
    repo: repo.name,
    installationId: deps.installationId,
    requestedAt: deps.now(),
    reason: null,
    message: null,
    wakeAt: null,
  };
  await deps.store.saveProtectionRequest(request);
  await answerProtectionRequests(deps, [request]);
}
