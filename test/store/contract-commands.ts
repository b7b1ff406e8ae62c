import { describe, expect, it } from "@jest/globals";
import type { Store } from "../../src/store/store.js";
import { sha, uniqueRepoId } from "./store-fixtures.js";

/** Contract: what commands remember, the reply to each command comment and each pull request's head. */
export function describeCommandContract(getStore: () => Store): void {
  describe("command replies", () => {
    it("finds the reply saved for a comment, the newest one when saved again", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const commentId = 7_000_000_001;

      const before = await store.findCommandReply(repoId, commentId);
      await store.saveCommandReply(repoId, commentId, 8_000_000_001);
      const saved = await store.findCommandReply(repoId, commentId);
      await store.saveCommandReply(repoId, commentId, 8_000_000_002);
      const replaced = await store.findCommandReply(repoId, commentId);

      expect([before, saved, replaced]).toEqual([undefined, 8_000_000_001, 8_000_000_002]);
    });

    it("keeps replies of other comments and repositories apart", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.saveCommandReply(repoId, 7_000_000_001, 8_000_000_001);
      await store.saveCommandReply(repoId, 7_000_000_002, 8_000_000_002);

      expect(await store.findCommandReply(repoId, 7_000_000_002)).toBe(8_000_000_002);
      expect(await store.findCommandReply(repoId, 7_000_000_003)).toBeUndefined();
      expect(await store.findCommandReply(uniqueRepoId(), 7_000_000_001)).toBeUndefined();
    });
  });

  describe("pull request heads", () => {
    const head = (label: string, minute: number) => ({ sha: sha(label), updatedAt: new Date(Date.UTC(2026, 0, 1, 9, minute)) });

    it("keeps the newest head, whatever order the events arrive in", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();

      const before = await store.getPullRequestHead(repoId, 7);
      await store.recordPullRequestHead(repoId, 7, head("b", 2));
      await store.recordPullRequestHead(repoId, 7, head("a", 1));
      const afterOlder = await store.getPullRequestHead(repoId, 7);
      await store.recordPullRequestHead(repoId, 7, head("c", 3));
      const afterNewer = await store.getPullRequestHead(repoId, 7);

      expect(before).toBeUndefined();
      expect(afterOlder).toEqual(head("b", 2));
      expect(afterNewer).toEqual(head("c", 3));
    });

    it("takes a head recorded with the same time as the stored one", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.recordPullRequestHead(repoId, 7, head("a", 1));

      await store.recordPullRequestHead(repoId, 7, head("b", 1));

      expect(await store.getPullRequestHead(repoId, 7)).toEqual(head("b", 1));
    });

    it("keeps heads of other pull requests and repositories apart", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.recordPullRequestHead(repoId, 7, head("a", 1));
      await store.recordPullRequestHead(repoId, 4_000_000_008, head("b", 1));

      expect(await store.getPullRequestHead(repoId, 4_000_000_008)).toEqual(head("b", 1));
      expect(await store.getPullRequestHead(repoId, 9)).toBeUndefined();
      expect(await store.getPullRequestHead(uniqueRepoId(), 7)).toBeUndefined();
    });
  });
}
