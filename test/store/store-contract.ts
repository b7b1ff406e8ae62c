import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Store } from "../../src/store/store.js";
import { describeApprovalContract } from "./contract-approvals.js";
import { describeAskedDeployContract } from "./contract-asked-deploys.js";
import { describeClaimContract } from "./contract-claims.js";
import { describeCommandContract } from "./contract-commands.js";
import { describeCommitTimeContract } from "./contract-commit-times.js";
import { describeDecisionContract } from "./contract-decisions.js";
import { describeCheckContract } from "./contract-checks.js";
import { describeDeploymentContract } from "./contract-deployments.js";
import { describeHookContract } from "./contract-hooks.js";
import { describeLockContract } from "./contract-locks.js";
import { describeMergeGroupContract } from "./contract-merge-groups.js";
import { describeNotificationContract } from "./contract-notifications.js";
import { describePendingContract } from "./contract-pending.js";
import { describeProtectionRequestContract } from "./contract-protection-requests.js";
import { describeQueueContract } from "./contract-queue.js";
import { describeSessionContract } from "./contract-sessions.js";
import { describeVersionContract } from "./contract-versions.js";
import { describeWatchContract } from "./contract-watches.js";

/**
 * The behaviour every store backend must show. Opens one store for the whole suite (a database
 * start costs seconds); tests isolate themselves by repository and delivery ids, so the suite
 * also runs against a shared, long-lived PostgreSQL database.
 */
export function describeStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`store contract: ${name}`, () => {
    let store: Store | undefined;
    const getStore = (): Store => {
      if (store === undefined) throw new Error("The store did not open; see the beforeAll error");
      return store;
    };

    beforeAll(async () => {
      store = await makeStore();
    });
    afterAll(async () => {
      await store?.close();
    });

    it("answers the health check: the queue's counts", async () => {
      await expect(getStore().countDeliveries()).resolves.toEqual({
        queued: expect.any(Number),
        running: expect.any(Number),
        parked: expect.any(Number),
      });
    });

    describeQueueContract(getStore);
    describeCheckContract(getStore);
    describePendingContract(getStore);
    describeProtectionRequestContract(getStore);
    describeApprovalContract(getStore);
    describeAskedDeployContract(getStore);
    describeMergeGroupContract(getStore);
    describeDecisionContract(getStore);
    describeClaimContract(getStore);
    describeDeploymentContract(getStore);
    describeLockContract(getStore);
    describeCommandContract(getStore);
    describeCommitTimeContract(getStore);
    describeHookContract(getStore);
    describeWatchContract(getStore);
    describeNotificationContract(getStore);
    describeSessionContract(getStore);
    describeVersionContract(getStore);
  });
}
