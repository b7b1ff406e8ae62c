import { describe, expect, it } from "@jest/globals";
import type { DecisionRecord } from "../../src/store/decision-store.js";
import type { Store } from "../../src/store/store.js";
import { sha, uniqueRepoId } from "./store-fixtures.js";

/** Contract: the decision log, newest first, filtered by commit or target. */
export function describeDecisionContract(getStore: () => Store): void {
  describe("decisions", () => {
    const decision = (repoId: number, minute: number, overrides: Partial<DecisionRecord> = {}): DecisionRecord => ({
      repoId,
      target: "production",
      ref: "refs/heads/main",
      sha: sha("a"),
      pr: null,
      reason: "waiting_for_checks",
      message: `decision at minute ${minute}`,
      origin: `delivery-${minute}`,
      createdAt: new Date(Date.UTC(2026, 0, 1, 10, minute)),
      ...overrides,
    });

    it("lists newest first, filtered by commit or target, up to the limit", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const oldest = decision(repoId, 1);
      const staging = decision(repoId, 2, { target: "staging", reason: "deployed", pr: 4_000_000_000 });
      const noTarget = decision(repoId, 3, { target: null, reason: "config_invalid", origin: null });
      const newest = decision(repoId, 4, { sha: sha("b"), reason: "superseded" });
      for (const d of [staging, newest, oldest, noTarget]) await store.recordDecision(d);
      await store.recordDecision(decision(uniqueRepoId(), 5));

      const all = await store.listDecisions(repoId);
      const bySha = await store.listDecisions(repoId, { sha: sha("a") });
      const byTarget = await store.listDecisions(repoId, { target: "production" });
      const both = await store.listDecisions(repoId, { sha: sha("a"), target: "production" });
      const limited = await store.listDecisions(repoId, { limit: 2 });

      expect(all).toEqual([newest, noTarget, staging, oldest]);
      expect(bySha).toEqual([noTarget, staging, oldest]);
      expect(byTarget).toEqual([newest, oldest]);
      expect(both).toEqual([oldest]);
      expect(limited).toEqual([newest, noTarget]);
    });

    it("breaks ties of the same time by insertion order", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const first = decision(repoId, 1, { message: "first" });
      const second = decision(repoId, 1, { message: "second" });
      await store.recordDecision(first);
      await store.recordDecision(second);

      expect(await store.listDecisions(repoId)).toEqual([second, first]);
    });

    it("records a decision again only when it differs from the latest about the same target and commit", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const waiting = decision(repoId, 1, { message: "waiting for ci/test", pr: 4_000_000_000 });
      const same = { ...waiting, origin: "delivery-2", createdAt: new Date(Date.UTC(2026, 0, 1, 10, 2)) };
      const locked = decision(repoId, 3, { reason: "locked", message: "locked", pr: 4_000_000_000 });
      const waitingAgain = decision(repoId, 4, { message: "waiting for ci/test", pr: 4_000_000_000 });
      const otherTarget = decision(repoId, 5, { target: "staging", message: "waiting for ci/test", pr: 4_000_000_000 });
      const noPullRequest = decision(repoId, 6, { target: "staging", message: "waiting for ci/test" });

      const recorded = [];
      for (const d of [waiting, same, locked, waitingAgain, { ...waitingAgain, origin: null }, otherTarget, noPullRequest])
        recorded.push(await store.recordDecisionIfChanged(d));

      expect(recorded).toEqual([true, false, true, true, false, true, true]);
      expect(await store.listDecisions(repoId)).toEqual([noPullRequest, otherTarget, waitingAgain, locked, waiting]);
    });
  });
}
