import { describe, expect, it } from "@jest/globals";
import type { ApprovalRecord } from "../../src/store/approval-store.js";
import type { Store } from "../../src/store/store.js";
import { sha, uniqueRepoId } from "./store-fixtures.js";

/** Contract: who approved or rejected a commit for a target, each person's latest word. */
export function describeApprovalContract(getStore: () => Store): void {
  describe("approvals", () => {
    const approval = (repoId: number, overrides: Partial<ApprovalRecord> = {}): ApprovalRecord => ({
      repoId,
      sha: sha("a"),
      target: "production",
      login: "alice",
      verdict: "approved",
      reason: null,
      pr: 7,
      at: new Date("2026-12-07T10:00:00Z"),
      ...overrides,
    });

    it("keeps each person's latest word per commit and target, logins without case, oldest first", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.recordApproval(approval(repoId));
      await store.recordApproval(approval(repoId, { login: "bob", at: new Date("2026-12-07T11:00:00Z") }));
      await store.recordApproval(approval(repoId, { target: "staging", login: "bob", at: new Date("2026-12-07T09:00:00Z") }));
      await store.recordApproval(
        approval(repoId, { login: "Alice", verdict: "rejected", reason: "not now", at: new Date("2026-12-07T12:00:00Z") }),
      );
      await store.recordApproval(approval(repoId, { sha: sha("b"), login: "carol" }));

      const listed = await store.listApprovals(repoId, sha("a"));

      expect(listed.map((a) => [a.target, a.login, a.verdict, a.reason])).toEqual([
        ["staging", "bob", "approved", null],
        ["production", "bob", "approved", null],
        ["production", "alice", "rejected", "not now"],
      ]);
      expect(listed[2]).toEqual(
        approval(repoId, { verdict: "rejected", reason: "not now", at: new Date("2026-12-07T12:00:00Z") }),
      );
      expect(await store.listApprovals(uniqueRepoId(), sha("a"))).toEqual([]);
    });

    it("lists what was said on a pull request, about any of its commits, oldest first", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.recordApproval(approval(repoId, { sha: sha("b"), at: new Date("2026-12-07T11:00:00Z") }));
      await store.recordApproval(approval(repoId, { login: "bob" }));
      await store.recordApproval(approval(repoId, { login: "carol", pr: 8 }));
      await store.recordApproval(approval(repoId, { login: "dave", pr: null }));

      const listed = await store.listApprovalsOfPullRequest(repoId, 7);

      expect(listed.map((a) => [a.sha, a.login])).toEqual([
        [sha("a"), "bob"],
        [sha("b"), "alice"],
      ]);
      expect(await store.listApprovalsOfPullRequest(uniqueRepoId(), 7)).toEqual([]);
    });
  });
}
