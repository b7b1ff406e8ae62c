import type { Logger } from "probot";
import type { OpenRepoContext } from "./deploy/repo-context.js";
import { MalformedPayload } from "./events/malformed-payload.js";
import { readRepo } from "./events/read-repo.js";
import { routeDelivery } from "./events/route-delivery.js";
import { handleDelivery } from "./handle-delivery.js";
import type { ClaimedDelivery } from "./store/delivery-store.js";

/**
 * How a worker processes one stored delivery: reads its facts, opens its repository's context (as
 * its installation) and hands the facts to their handler. Throwing leaves the retry (or parking)
 * to the queue: a malformed payload fails here as `MalformedPayload`, which the queue parks at once
 * with its error.
 */
export function createDeliveryProcessor(openRepo: OpenRepoContext, log: Logger): (delivery: ClaimedDelivery) => Promise<void> {
  return async (delivery) => {
    const payload: unknown = JSON.parse(delivery.payload);
    const read = routeDelivery(delivery.event, payload);
    if (read === undefined) return;
    const facts = readFacts(delivery, read);
    const repo = readRepo((payload as { repository: Parameters<typeof readRepo>[0] }).repository);
    const bindings = { delivery: delivery.id, event: delivery.event, repo: `${repo.owner}/${repo.name}` };
    const deps = await openRepo(
      { repo, installationId: delivery.installationId },
      { log: log.child(bindings), origin: delivery.id },
    );
    await handleDelivery(deps, facts);
  };
}

/** Reads a delivery's facts; a payload that breaks the reader is malformed, whatever the reader threw. */
function readFacts<Facts>(delivery: ClaimedDelivery, read: () => Facts): Facts {
  try {
    return read();
  } catch (error) {
    if (error instanceof MalformedPayload) {
      throw new MalformedPayload(`malformed ${delivery.event} payload: ${error.message}`);
    }
    throw new MalformedPayload(`malformed ${delivery.event} payload: ${error instanceof Error ? error.message : String(error)}`);
  }
}
