import { describe, expect, it } from "@jest/globals";
import { decideTrigger } from "./decide-trigger.js";
import { config, repo, SHA_A, SHA_B, state, target } from "./test-fixtures.js";
import type { TriggerFacts } from "../domain/event-facts.js";

const push = (ref: string, sha = SHA_A): TriggerFacts => ({ kind: "push", ref, sha });

describe("decideTrigger", () => {
  it("deploys a push to a matching branch with no gate, pinned to the SHA", () => {
    const production = target({ name: "production", payload: { port: 8080 }, description: "Deploy ${{ short_sha }}" });

    const [decision, ...rest] = decideTrigger({
      repo,
      trigger: push("refs/heads/main"),
      config: config(production),
      state: state(),
    });

    expect(rest).toEqual([]);
    expect(decision).toMatchObject({ action: "deploy", reason: "deployed", target: "production", sha: SHA_A });
    expect(decision?.action === "deploy" && decision.request).toEqual({
      ref: SHA_A,
      task: "deploy",
      auto_merge: false,
      required_contexts: [],
      payload: { port: 8080, target: "production", ref: "refs/heads/main", sha: SHA_A, pr: null, trigger: "push" },
      environment: "production",
      description: "Deploy aaaaaaa",
      transient_environment: false,
      production_environment: false,
    });
  });

  it("ignores targets whose pattern does not match", () => {
    const production = target({ name: "production" });

    expect(decideTrigger({ repo, trigger: push("refs/heads/dev"), config: config(production), state: state() })).toEqual([]);
  });

  it("waits when required checks have not reported", () => {
    const production = target({ name: "production", requiredContexts: ["ci"] });

    const decisions = decideTrigger({ repo, trigger: push("refs/heads/main"), config: config(production), state: state() });

    expect(decisions).toMatchObject([{ action: "wait", reason: "waiting_for_checks", trigger: "push" }]);
    expect(decisions[0]?.message).toBe("Waiting for ci on aaaaaaa before deploying to production.");
  });

  it("waits while a freeze holds the target, to be woken when it ends; other targets deploy", () => {
    const freezes = [
      {
        kind: "weekly" as const,
        days: [1 as const],
        fromMinute: 9 * 60,
        toMinute: 17 * 60,
        timeZone: "Europe/Berlin",
        reason: "Demo day",
      },
    ];
    const production = target({ name: "production", freezes });
    const staging = target({ name: "staging", environment: "staging" });

    const decisions = decideTrigger({
      repo,
      trigger: push("refs/heads/main"),
      config: config(production, staging),
      state: state(),
    });

    expect(decisions).toMatchObject([
      { target: "production", action: "wait", reason: "frozen", wakeAt: new Date("2026-12-07T16:00:00Z") },
      { target: "staging", action: "deploy" },
    ]);
    expect(decisions[0]?.message).toBe(
      "production is frozen until Mon 2026-12-07 17:00 Europe/Berlin (16:00 UTC) (Demo day); aaaaaaa deploys when it ends.",
    );
    expect(
      decideTrigger({
        repo,
        trigger: push("refs/heads/main"),
        config: config(production),
        state: state({ now: new Date("2026-12-07T16:00:00Z") }),
      }),
    ).toMatchObject([{ action: "deploy" }]);
  });

  it("omits required_contexts when every check must pass, so GitHub verifies them all", () => {
    const production = target({ name: "production", requiredContexts: undefined });
    const checks = [{ context: "ci", source: "status" as const, outcome: "success" as const }];

    const [decision] = decideTrigger({
      repo,
      trigger: push("refs/heads/main"),
      config: config(production),
      state: state({ checks }),
    });

    expect(decision?.action).toBe("deploy");
    expect(decision?.action === "deploy" && "required_contexts" in decision.request).toBe(false);
  });

  it("supersedes an older commit waiting on the same ref", () => {
    const production = target({ name: "production", requiredContexts: ["ci"] });
    const pending = [{ target: "production", ref: "refs/heads/main", sha: SHA_A, pr: null, trigger: "push" as const }];

    const decisions = decideTrigger({
      repo,
      trigger: push("refs/heads/main", SHA_B),
      config: config(production),
      state: state({ pending }),
    });

    expect(decisions).toMatchObject([
      { action: "drop", reason: "superseded", sha: SHA_A },
      { action: "wait", reason: "waiting_for_checks", sha: SHA_B },
    ]);
  });

  it("does not deploy a commit already deployed to the environment", () => {
    const production = target({ name: "production" });

    const decisions = decideTrigger({
      repo,
      trigger: push("refs/heads/main"),
      config: config(production),
      state: state({ deployedEnvironments: new Set(["production"]) }),
    });

    expect(decisions).toMatchObject([{ action: "drop", reason: "already_deployed" }]);
  });

  it("deploys a pull request to a templated transient environment", () => {
    const review = target({
      name: "review",
      autoDeployOn: [{ kind: "pull_request" }],
      environment: "pr-${{ pr }}",
      transientEnvironment: true,
    });
    const trigger: TriggerFacts = {
      kind: "pull_request",
      ref: "refs/heads/feature",
      sha: SHA_A,
      pr: 42,
      fromFork: false,
      draft: false,
    };

    const [decision] = decideTrigger({ repo, trigger, config: config(review), state: state() });

    expect(decision).toMatchObject({ action: "deploy", pr: 42, request: { environment: "pr-42", transient_environment: true } });
    expect(decision?.action === "deploy" && decision.request.payload).toMatchObject({ pr: 42, trigger: "pull_request" });
  });

  it("refuses pull requests from forks", () => {
    const review = target({ name: "review", autoDeployOn: [{ kind: "pull_request" }] });
    const trigger: TriggerFacts = {
      kind: "pull_request",
      ref: "refs/heads/patch",
      sha: SHA_A,
      pr: 7,
      fromFork: true,
      draft: false,
    };

    expect(decideTrigger({ repo, trigger, config: config(review), state: state() })).toMatchObject([
      { action: "drop", reason: "not_permitted" },
    ]);
  });

  it("does not let a push trigger a pull-request target", () => {
    const review = target({ name: "review", autoDeployOn: [{ kind: "pull_request" }] });

    expect(decideTrigger({ repo, trigger: push("refs/heads/main"), config: config(review), state: state() })).toEqual([]);
  });

  it("keeps payload keys Deliverybot owns out of the repository's reach", () => {
    const production = target({
      name: "production",
      payload: { target: "forged", sha: "forged", extra: "${{ owner }}/${{ repo }}" },
    });

    const [decision] = decideTrigger({ repo, trigger: push("refs/heads/main"), config: config(production), state: state() });

    expect(decision?.action === "deploy" && decision.request.payload).toMatchObject({
      target: "production",
      sha: SHA_A,
      extra: "acme/shop",
    });
  });

  it("deploys a fork's pull request when the target allows forks", () => {
    const review = target({ name: "review", autoDeployOn: [{ kind: "pull_request" }], allowForks: true });
    const trigger: TriggerFacts = {
      kind: "pull_request",
      ref: "refs/heads/patch",
      sha: SHA_A,
      pr: 7,
      fromFork: true,
      draft: false,
    };

    expect(decideTrigger({ repo, trigger, config: config(review), state: state() })).toMatchObject([{ action: "deploy" }]);
  });

  it.each([
    [true, "deploy"],
    [false, "drop"],
  ] as const)("a draft pull request with allow_drafts %s leads to %s", (allowDrafts, action) => {
    const review = target({ name: "review", autoDeployOn: [{ kind: "pull_request" }], allowDrafts });
    const trigger: TriggerFacts = {
      kind: "pull_request",
      ref: "refs/heads/wip",
      sha: SHA_A,
      pr: 8,
      fromFork: false,
      draft: true,
    };

    expect(decideTrigger({ repo, trigger, config: config(review), state: state() })).toMatchObject([{ action }]);
  });

  it.each([
    ["production", null, "wait"],
    ["*", null, "wait"],
    ["staging", null, "deploy"],
  ] as const)("a lock on %s (from no pull request) makes a production push %s", (environment, pr, action) => {
    const production = target({ name: "production" });
    const locks = [{ environment, owner: "octocat", pr, reason: "release freeze", expiresAt: null }];

    const [decision] = decideTrigger({
      repo,
      trigger: push("refs/heads/main"),
      config: config(production),
      state: state({ locks }),
    });

    expect(decision).toMatchObject({ action });
    if (action === "wait") {
      expect(decision).toMatchObject({ reason: "locked" });
      expect(decision?.message).toContain("locked by @octocat (release freeze)");
    }
  });

  it("lets the pull request that holds a lock deploy through it", () => {
    const review = target({ name: "review", autoDeployOn: [{ kind: "pull_request" }], environment: "pr-${{ pr }}" });
    const locks = [{ environment: "pr-9", owner: "octocat", pr: 9, reason: null, expiresAt: null }];
    const trigger: TriggerFacts = { kind: "pull_request", ref: "refs/heads/x", sha: SHA_A, pr: 9, fromFork: false, draft: false };

    expect(decideTrigger({ repo, trigger, config: config(review), state: state({ locks }) })).toMatchObject([
      { action: "deploy" },
    ]);
  });
});
