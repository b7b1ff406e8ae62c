import { describe, expect, it } from "@jest/globals";
import type { AskedDeployRecord } from "../../src/store/asked-deploy-store.js";
import type { Store } from "../../src/store/store.js";
import { sha, uniqueRepoId } from "./store-fixtures.js";

/** Contract: deploys asked for that wait for approvals, one per request, oldest first. */
export function describeAskedDeployContract(getStore: () => Store): void {
  describe("asked deploys", () => {
    const asked = (repoId: number, overrides: Partial<AskedDeployRecord> = {}): AskedDeployRecord => ({
      repoId,
      owner: "acme",
      repo: "shop",
      installationId: 5,
      via: "comment:1",
      target: "production",
      ref: "feature",
      sha: sha("a"),
      pr: 7,
      asker: {
        kind: "command",
        login: "alice",
        commentId: 1,
        repositoryUrl: "https://github.com/acme/shop",
        followsHead: true,
        force: false,
        params: { region: "eu" },
      },
      deployedBefore: 41,
      askedAt: new Date("2026-12-07T10:00:00Z"),
      ...overrides,
    });

    it("keeps one per request with its asker, lists them by commit and repository, oldest first", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const hook = asked(repoId, {
        via: "hook:3:r1",
        pr: null,
        ref: "main",
        asker: { kind: "hook", name: "registry", image: "acme/shop", tag: null },
        deployedBefore: null,
        askedAt: new Date("2026-12-07T09:00:00Z"),
      });
      await store.saveAskedDeploy(asked(repoId));
      await store.saveAskedDeploy(hook);
      await store.saveAskedDeploy(
        asked(repoId, {
          via: "admin:x",
          sha: sha("b"),
          pr: null,
          asker: { kind: "admin" },
          askedAt: new Date("2026-12-07T12:00:00Z"),
        }),
      );

      expect(await store.listAskedDeploys(repoId, sha("a"))).toEqual([hook, asked(repoId)]);
      expect((await store.listAskedDeploysByRepo(repoId)).map((a) => a.via)).toEqual(["hook:3:r1", "comment:1", "admin:x"]);
      expect(await store.listAskedDeploys(uniqueRepoId(), sha("a"))).toEqual([]);
    });

    it("keeps when a request was first asked when it is asked again, and forgets it once decided", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      await store.saveAskedDeploy(asked(repoId));
      await store.saveAskedDeploy(asked(repoId, { askedAt: new Date("2026-12-07T11:00:00Z"), ref: "renamed" }));

      expect(await store.listAskedDeploys(repoId, sha("a"))).toEqual([asked(repoId, { ref: "renamed" })]);
      await store.deleteAskedDeploy(repoId, "comment:1");
      expect(await store.listAskedDeploysByRepo(repoId)).toEqual([]);
    });

    it("prunes requests asked before a time, at most `limit` at once", async () => {
      const store = getStore();
      const repoId = uniqueRepoId();
      const old = new Date("2020-01-01T00:00:00Z");
      await store.saveAskedDeploy(asked(repoId, { via: "comment:1", askedAt: old }));
      await store.saveAskedDeploy(asked(repoId, { via: "comment:2", askedAt: old }));
      await store.saveAskedDeploy(asked(repoId, { via: "comment:3" }));

      expect(await store.pruneAskedDeploys(new Date("2020-02-01T00:00:00Z"), 1)).toBe(1);
      await store.pruneAskedDeploys(new Date("2020-02-01T00:00:00Z"), 100);
      expect((await store.listAskedDeploysByRepo(repoId)).map((a) => a.via)).toEqual(["comment:3"]);
    });
  });
}
