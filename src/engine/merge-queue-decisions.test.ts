import { describe, expect, it } from "@jest/globals";
import type { MergeGroupFact } from "../domain/merge-groups.js";
import { decideChecks } from "./decide-checks.js";
import { decideTrigger } from "./decide-trigger.js";
import { needsMergeGroups } from "./needs-merge-groups.js";
import { config, NOW, repo, SHA_A, SHA_B, state, target } from "./test-fixtures.js";

const MAIN = "refs/heads/main";
const SHA_C = "c".repeat(40);
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
const group = (headSha: string, overrides: Partial<MergeGroupFact> = {}): MergeGroupFact => ({
  headSha,
  baseRef: MAIN,
  pr: 7,
  requestedAt: minutesAgo(1),
  destroyedAt: null,
  contexts: ["ci/test"],
  ...overrides,
});
const green = [{ context: "ci/test", outcome: "success" as const, source: "status" as const }];
const coalescing = target({ name: "production", requiredContexts: ["ci/test"], coalesce: { groupTimeoutMs: 3_600_000 } });
const pushed = (sha: string) => ({ kind: "push" as const, ref: MAIN, sha });

describe("merge queues in the engine", () => {
  it.each([
    ["another group in flight for the branch", [group(SHA_B)], "wait", "waiting_for_merge_queue"],
    ["only the commit's own group in flight (it landed)", [group(SHA_A)], "deploy", "deployed"],
    ["the other group destroyed", [group(SHA_B, { destroyedAt: minutesAgo(0) })], "deploy", "deployed"],
    ["the other group queued for another branch", [group(SHA_B, { baseRef: "refs/heads/release" })], "deploy", "deployed"],
    ["the other group older than the hour it may hold", [group(SHA_B, { requestedAt: minutesAgo(60) })], "deploy", "deployed"],
    ["no merge groups at all", [], "deploy", "deployed"],
  ] as const)("a coalesce target's green pushed commit, with %s: %s", (_case, mergeGroups, action, reason) => {
    const [decision] = decideTrigger({
      repo,
      trigger: pushed(SHA_A),
      config: config(coalescing),
      state: state({ checks: green, mergeGroups }),
    });

    expect(decision).toMatchObject({ action, reason, sha: SHA_A });
  });

  it("holds until the oldest group in flight stops counting, so a lost destroyed webhook holds an hour at most", () => {
    const mergeGroups = [group(SHA_B, { requestedAt: minutesAgo(10) }), group(SHA_C, { requestedAt: minutesAgo(2) })];

    const [decision] = decideTrigger({
      repo,
      trigger: pushed(SHA_A),
      config: config(coalescing),
      state: state({ checks: green, mergeGroups }),
    });

    expect(decision).toMatchObject({ action: "wait", wakeAt: minutesAgo(10 - 60) });
    expect(decision?.message).toBe(
      "2 merge groups are still in the merge queue for refs/heads/main; aaaaaaa deploys to production once the queue drains, unless a newer commit lands first.",
    );
  });

  it("holds as long as the target's group_timeout says, not the default hour", () => {
    const patient = target({ name: "production", requiredContexts: ["ci/test"], coalesce: { groupTimeoutMs: 2 * 3_600_000 } });
    const mergeGroups = [group(SHA_B, { requestedAt: minutesAgo(90) })];

    const [decision] = decideTrigger({
      repo,
      trigger: pushed(SHA_A),
      config: config(patient),
      state: state({ checks: green, mergeGroups }),
    });

    expect(decision).toMatchObject({ action: "wait", reason: "waiting_for_merge_queue", wakeAt: minutesAgo(90 - 120) });
  });

  it("does not hold a target without coalesce", () => {
    const plain = target({ name: "production", requiredContexts: ["ci/test"] });

    const [decision] = decideTrigger({
      repo,
      trigger: pushed(SHA_A),
      config: config(plain),
      state: state({ checks: green, mergeGroups: [group(SHA_B)] }),
    });

    expect(decision).toMatchObject({ action: "deploy" });
  });

  it("supersedes the older landed commit waiting on the branch when a newer one lands", () => {
    const waiting = { target: "production", ref: MAIN, sha: SHA_B, pr: null, trigger: "push" as const };

    const decisions = decideTrigger({
      repo,
      trigger: pushed(SHA_A),
      config: config(coalescing),
      state: state({ pending: [waiting], checks: green }),
    });

    expect(decisions.map((d) => [d.sha, d.action, d.reason])).toEqual([
      [SHA_B, "drop", "superseded"],
      [SHA_A, "deploy", "deployed"],
    ]);
  });

  it("deploys the waiting commit once the queue drained", () => {
    const waiting = { target: "production", ref: MAIN, sha: SHA_A, pr: null, trigger: "push" as const };
    const drained = [group(SHA_B, { destroyedAt: minutesAgo(0) })];

    const [decision] = decideChecks({
      repo,
      config: config(coalescing),
      state: state({ pending: [waiting], checks: green, mergeGroups: drained }),
    });

    expect(decision).toMatchObject({ action: "deploy", reason: "deployed" });
  });

  it.each(["refs/heads/gh-readonly-queue/main/pr-7-abc123", "refs/heads/gh-readonly-queue/release/pr-1-def"])(
    "never decides a merge queue branch (%s), even for auto_deploy_on: refs/heads/*",
    (ref) => {
      const everyBranch = target({ name: "production", autoDeployOn: [{ kind: "ref", pattern: "refs/heads/*" }] });

      expect(
        decideTrigger({ repo, trigger: { kind: "push", ref, sha: SHA_A }, config: config(everyBranch), state: state() }),
      ).toEqual([]);
    },
  );

  it.each([
    ["a merge group commit, a check no group reported", [group(SHA_A, { contexts: ["ci/test"] })], true],
    [
      "a merge group commit, the check reported on another group",
      [group(SHA_A, { contexts: [] }), group(SHA_B, { contexts: ["ci/preview"] })],
      false,
    ],
    ["a commit no merge group made", [group(SHA_B, { contexts: [] })], false],
  ] as const)("names a required check that never reports on merge queue commits: %s", (_case, mergeGroups, named) => {
    const gated = target({ name: "production", requiredContexts: ["ci/test", "ci/preview"] });

    const [decision] = decideTrigger({
      repo,
      trigger: pushed(SHA_A),
      config: config(gated),
      state: state({ checks: green, mergeGroups }),
    });

    expect(decision).toMatchObject({ action: "wait", reason: "waiting_for_checks" });
    const naming = "ci/preview never reported on a merge queue commit; is it run `on: merge_group`?";
    expect(decision?.message.endsWith(naming)).toBe(named);
  });

  it("asks for the merge groups only when a target coalesces or a pushed commit waits for checks", () => {
    const plain = config(target({ name: "production", requiredContexts: ["ci/test"] }));
    const deployed = decideTrigger({ repo, trigger: pushed(SHA_A), config: plain, state: state({ checks: green }) });
    const waiting = decideTrigger({ repo, trigger: pushed(SHA_A), config: plain, state: state() });

    expect([
      needsMergeGroups(plain, deployed),
      needsMergeGroups(plain, waiting),
      needsMergeGroups(config(coalescing), []),
    ]).toEqual([false, true, true]);
  });
});
