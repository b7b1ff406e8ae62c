import { describe, expect, it } from "@jest/globals";
import type { UserGitHub, VisibleRepository } from "../github/user-github.js";
import { createVisibleRepositories, VISIBLE_TTL_MS } from "./visible-repositories.js";

const SHOP: VisibleRepository = { id: 1, owner: "acme", name: "shop", installationId: 7, private: true, permission: "write" };

function countingGitHub(results: Array<VisibleRepository[] | Error>) {
  let calls = 0;
  const github: UserGitHub = {
    getUser: () => Promise.reject(new Error("not used")),
    listVisibleRepositories: () => {
      const result = results[Math.min(calls, results.length - 1)];
      calls += 1;
      return result instanceof Error ? Promise.reject(result) : Promise.resolve(result ?? []);
    },
  };
  return { github: () => github, calls: () => calls };
}

describe("createVisibleRepositories", () => {
  it("asks GitHub once a minute per session, and finds a repository case-insensitively", async () => {
    let now = 0;
    const visible = createVisibleRepositories(() => new Date(now));
    const { github, calls } = countingGitHub([[SHOP]]);

    const first = await visible.find("s1", github, "Acme", "SHOP");
    now = VISIBLE_TTL_MS - 1;
    const cached = await visible.list("s1", github);
    const other = await visible.find("s1", github, "acme", "other");
    now = VISIBLE_TTL_MS;
    await visible.list("s1", github);

    expect([first, cached, other]).toEqual([SHOP, [SHOP], undefined]);
    expect(calls()).toBe(2);
  });

  it("does not keep a failed lookup, and forgets a session that signed out", async () => {
    const visible = createVisibleRepositories(() => new Date(0));
    const { github, calls } = countingGitHub([new Error("GitHub is down"), [SHOP]]);

    await expect(visible.list("s1", github)).rejects.toThrow("GitHub is down");
    await expect(visible.list("s1", github)).resolves.toEqual([SHOP]);
    visible.forget("s1");
    await visible.list("s1", github);

    expect(calls()).toBe(3);
  });
});
