import { describe, expect, it } from "@jest/globals";
import type { Store } from "../../src/store/store.js";
import { sha, uniqueRepoId } from "./store-fixtures.js";
import type { CheckRecord } from "../../src/domain/checks.js";

/** Contract: newest-run-wins check facts. */
export function describeCheckContract(getStore: () => Store): void {
  describe("checks", () => {
    const check = (repoId: number, overrides: Partial<CheckRecord>): CheckRecord => ({
      repoId,
      sha: sha("c"),
      context: "ci/build",
      source: "check_run",
      outcome: "success",
      externalId: 5_000_000_010,
      ...overrides,
    });

    it("keeps the run with the highest id per context", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.recordCheck(check(repoId, { externalId: 5_000_000_010, outcome: "success" }));
      await store.recordCheck(check(repoId, { externalId: 5_000_000_005, outcome: "failure" }));
      await store.recordCheck(check(repoId, { context: "lint", source: "status", externalId: 7, outcome: "pending" }));

      const afterOlder = await store.listChecks(repoId, sha("c"));
      await store.recordCheck(check(repoId, { externalId: 5_000_000_020, outcome: "failure" }));
      const afterNewer = await store.listChecks(repoId, sha("c"));

      expect(afterOlder).toEqual([
        check(repoId, { externalId: 5_000_000_010, outcome: "success" }),
        check(repoId, { context: "lint", source: "status", externalId: 7, outcome: "pending" }),
      ]);
      expect(afterNewer[0]).toEqual(check(repoId, { externalId: 5_000_000_020, outcome: "failure" }));
      expect(afterNewer[1]?.context).toBe("lint");
    });

    it("moves the same run on to its outcome but never back to pending", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.recordCheck(check(repoId, { outcome: "pending" }));
      await store.recordCheck(check(repoId, { outcome: "success" }));
      const completed = await store.listChecks(repoId, sha("c"));

      await store.recordCheck(check(repoId, { outcome: "pending" }));
      const afterLateCreated = await store.listChecks(repoId, sha("c"));

      expect(completed.map((c) => c.outcome)).toEqual(["success"]);
      expect(afterLateCreated.map((c) => c.outcome)).toEqual(["success"]);
    });

    it("lists the checks of several commits at once, by commit then context", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.recordCheck(check(repoId, { sha: sha("b"), context: "lint" }));
      await store.recordCheck(check(repoId, { sha: sha("a"), context: "test", outcome: "failure" }));
      await store.recordCheck(check(repoId, { sha: sha("a"), context: "build" }));
      await store.recordCheck(check(repoId, { sha: sha("c") }));
      await store.recordCheck(check(uniqueRepoId(), { sha: sha("a") }));

      const found = await store.listChecksOfCommits(repoId, [sha("b"), sha("a")]);

      expect(found.map((c) => `${c.sha === sha("a") ? "a" : "b"} ${c.context} ${c.outcome}`)).toEqual([
        "a build success",
        "a test failure",
        "b lint success",
      ]);
      await expect(store.listChecksOfCommits(repoId, [])).resolves.toEqual([]);
    });

    it("keeps checks of other commits and repositories apart", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.recordCheck(check(repoId, {}));

      expect(await store.listChecks(repoId, sha("other"))).toEqual([]);
      expect(await store.listChecks(uniqueRepoId(), sha("c"))).toEqual([]);
    });
  });
}
