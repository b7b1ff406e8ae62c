import { describe, expect, it } from "@jest/globals";
import type { RepositoryWatcher } from "../store/version-store.js";
import { watchRepositoryVersions } from "./repository-versions.js";

/** A store whose versions the test sets, counting reads, and whose change notifications the test sends. */
function fakeStore() {
  const versions = new Map<number, string>();
  let reads = 0;
  let watcher: RepositoryWatcher | undefined;
  let gate: Promise<void> | undefined;
  return {
    versions,
    reads: () => reads,
    watcher: () => {
      if (watcher === undefined) throw new Error("not watched");
      return watcher;
    },
    /** The next read answers (with the version as it was when asked) only once `release` is called. */
    holdNextRead(): () => void {
      let release = () => {};
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        gate = undefined;
        release();
      };
    },
    store: {
      async repositoryVersion(repoId: number) {
        reads += 1;
        const version = versions.get(repoId) ?? "0";
        await gate;
        return version;
      },
      async watchRepositories(given: RepositoryWatcher) {
        watcher = given;
        given.listening();
        return async () => {};
      },
    },
  };
}

describe("watchRepositoryVersions", () => {
  it("reads a version once while nothing changes, and again after the store told of a change", async () => {
    const fake = fakeStore();
    fake.versions.set(1, "a");
    const versions = await watchRepositoryVersions(fake.store);

    const first = [await versions.version(1), await versions.version(1), await versions.version(1)];
    fake.versions.set(1, "b");
    const unchanged = await versions.version(1);
    fake.watcher().changed(1);
    const changed = await versions.version(1);

    expect(first).toEqual(["a", "a", "a"]);
    expect(unchanged).toBe("a");
    expect(changed).toBe("b");
    expect(fake.reads()).toBe(2);
  });

  it("reads every time while changes may be missed, and keeps again once listening resumes", async () => {
    const fake = fakeStore();
    const versions = await watchRepositoryVersions(fake.store);
    await versions.version(1);

    fake.watcher().lost();
    await versions.version(1);
    await versions.version(1);
    fake.watcher().listening();
    await versions.version(1);
    await versions.version(1);

    expect(fake.reads()).toBe(4);
  });

  it("does not keep a version read while a change was told: it may predate the change", async () => {
    const fake = fakeStore();
    fake.versions.set(1, "old");
    const versions = await watchRepositoryVersions(fake.store);
    const release = fake.holdNextRead();

    const reading = versions.version(1);
    fake.versions.set(1, "new");
    fake.watcher().changed(1);
    release();
    const raced = await reading;
    const next = await versions.version(1);

    expect(raced).toBe("old");
    expect(next).toBe("new");
    expect(fake.reads()).toBe(2);
  });
});
