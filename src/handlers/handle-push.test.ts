import { describe, expect, it, jest } from "@jest/globals";
import type { RepoContext } from "../deploy/repo-context.js";
import type { PushFacts } from "../domain/event-facts.js";
import { handlePush } from "./handle-push.js";

const NOW = new Date("2026-12-07T12:00:00Z");
const SHA = "d6fde92930d4715a2b49857d24b940956b26d2d3";

/** A repository without `.github/deploy.yml`: the push records its commit times and deploys nothing. */
function context() {
  const recordCommitTimes = jest.fn<RepoContext["store"]["recordCommitTimes"]>(async () => undefined);
  const loadConfig = jest.fn<RepoContext["github"]["loadConfig"]>(async () => ({ kind: "missing" }));
  const deps = {
    repo: { id: 42, owner: "acme", name: "shop" },
    store: { recordCommitTimes },
    github: { loadConfig, forgetConfig: () => undefined },
    log: { debug: () => undefined },
    now: () => NOW,
  } as unknown as RepoContext;
  return { deps, recordCommitTimes, loadConfig };
}

const push = (fields: Partial<PushFacts> = {}): PushFacts => ({
  ref: "refs/heads/main",
  sha: SHA,
  deleted: false,
  changedFiles: [],
  changes: { kind: "listed", files: [] },
  toDefaultBranch: true,
  commitTimes: [{ sha: SHA, committedAt: new Date("2026-12-07T11:00:00Z") }],
  ...fields,
});

describe("handlePush: commit times", () => {
  it("records the pushed commits' times before deciding anything", async () => {
    const { deps, recordCommitTimes, loadConfig } = context();

    await handlePush(deps, push());

    expect(recordCommitTimes).toHaveBeenCalledWith(42, push().commitTimes, NOW);
    expect(loadConfig).toHaveBeenCalledTimes(1);
  });

  it.each([
    ["a deleted ref", push({ deleted: true, commitTimes: [] })],
    ["a push without commit times", push({ commitTimes: [] })],
  ])("records nothing for %s", async (_, facts) => {
    const { deps, recordCommitTimes } = context();

    await handlePush(deps, facts);

    expect(recordCommitTimes).not.toHaveBeenCalled();
  });
});
