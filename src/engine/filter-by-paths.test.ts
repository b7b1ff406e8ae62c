import { describe, expect, it } from "@jest/globals";
import type { PathFilter } from "../config/model.js";
import type { ChangedFiles, TriggerFacts } from "../domain/event-facts.js";
import { decideTrigger } from "./decide-trigger.js";
import { config, repo, SHA_A, SHA_B, state, target } from "./test-fixtures.js";

const push = (ref = "refs/heads/main", sha = SHA_A): TriggerFacts => ({ kind: "push", ref, sha });
const pullRequest: TriggerFacts = {
  kind: "pull_request",
  ref: "refs/heads/feature",
  sha: SHA_A,
  pr: 7,
  fromFork: false,
  draft: false,
};

/** Three services of a monorepo, each deploying from main when its folder changes. */
const services = ["api", "web", "worker"].map((name) =>
  target({ name, environment: name, pathFilter: { kind: "paths", patterns: [`services/${name}/**`, "libs/**", "!**.md"] } }),
);

function decide(changedFiles: ChangedFiles, trigger = push(), targets = services, engineState = state()) {
  return decideTrigger({ repo, trigger, config: config(...targets), state: engineState, changedFiles });
}

describe("decideTrigger with path filters", () => {
  it("deploys exactly the service whose files changed", () => {
    const decisions = decide(["services/web/src/app.tsx", "README.md"]);

    expect(decisions.map(({ target: name, action, reason }) => [name, action, reason])).toEqual([
      ["api", "drop", "paths_unchanged"],
      ["web", "deploy", "deployed"],
      ["worker", "drop", "paths_unchanged"],
    ]);
  });

  it("deploys every service when the shared library changed, and none for documentation", () => {
    expect(decide(["libs/log/index.ts"]).map((decision) => decision.action)).toEqual(["deploy", "deploy", "deploy"]);
    expect(decide(["services/api/README.md"]).map((decision) => decision.action)).toEqual(["drop", "drop", "drop"]);
  });

  it("names the commit, the patterns and the target in the paths_unchanged sentence", () => {
    const [api] = decide(["docs/index.md"]);

    expect(api?.message).toBe(
      "aaaaaaa changed no file matching `services/api/**`, `libs/**`, `!**.md` (paths); api deploys on its own only when one changes.",
    );
  });

  it.each<[string, PathFilter, ChangedFiles, string]>([
    [
      "paths_ignore",
      { kind: "paths_ignore", patterns: ["docs/**"] },
      ["docs/a.md"],
      "aaaaaaa changed only files matching `docs/**` (paths_ignore); site does not deploy for those on its own.",
    ],
    [
      "no changed file",
      { kind: "paths", patterns: ["site/**"] },
      [],
      "aaaaaaa changed no file; site deploys on its own only when a file matching `site/**` changes (paths).",
    ],
    [
      "many patterns",
      { kind: "paths", patterns: ["a/**", "b/**", "c/**", "d/**", "e/**", "f/**", "g/**"] },
      ["z.txt"],
      "aaaaaaa changed no file matching `a/**`, `b/**`, `c/**`, `d/**`, `e/**` and 2 more (paths); site deploys on its own only when one changes.",
    ],
  ])("words the sentence for %s", (_name, pathFilter, files, message) => {
    const [decision] = decide(files, push(), [target({ name: "site", pathFilter })]);

    expect(decision).toMatchObject({ action: "drop", reason: "paths_unchanged", message });
  });

  it("lets unknown changes through: deploying once too often beats missing a change", () => {
    expect(decide("unknown").map((decision) => decision.action)).toEqual(["deploy", "deploy", "deploy"]);
  });

  it("reads omitted changed files as unknown", () => {
    const decisions = decideTrigger({ repo, trigger: push(), config: config(...services), state: state() });

    expect(decisions.map((decision) => decision.action)).toEqual(["deploy", "deploy", "deploy"]);
  });

  it("does not filter tag pushes, as GitHub Actions does not", () => {
    const tagged = services.map((service) => ({ ...service, autoDeployOn: [{ kind: "ref" as const, pattern: "refs/tags/v*" }] }));

    expect(decide([], push("refs/tags/v1.2.0"), tagged).map((decision) => decision.action)).toEqual([
      "deploy",
      "deploy",
      "deploy",
    ]);
  });

  it("deploys a newer commit in place of an older one still waiting, whatever the newer one changed", () => {
    const gated = services.map((service) => ({ ...service, requiredContexts: ["ci"] }));
    const pending = [{ target: "api", ref: "refs/heads/main", sha: SHA_A, pr: null, trigger: "push" as const }];

    const decisions = decide(["services/web/a.ts"], push("refs/heads/main", SHA_B), gated, state({ pending }));

    expect(decisions.map(({ target: name, sha, reason }) => [name, sha, reason])).toEqual([
      ["api", SHA_A, "superseded"],
      ["api", SHA_B, "waiting_for_checks"],
      ["web", SHA_B, "waiting_for_checks"],
      ["worker", SHA_B, "paths_unchanged"],
    ]);
  });

  it("filters pull request targets by the pull request's files", () => {
    const review = target({
      name: "review",
      autoDeployOn: [{ kind: "pull_request" }],
      environment: "pr-${{ pr }}",
      pathFilter: { kind: "paths_ignore", patterns: ["docs/**"] },
    });

    expect(decide(["docs/a.md"], pullRequest, [review])).toMatchObject([
      { action: "drop", reason: "paths_unchanged", pr: 7, message: expect.stringMatching(/^Pull request #7 changes only files/) },
    ]);
    expect(decide(["src/a.ts"], pullRequest, [review])).toMatchObject([{ action: "deploy", pr: 7 }]);
  });

  it("refuses a fork before looking at its files", () => {
    const review = target({
      name: "review",
      autoDeployOn: [{ kind: "pull_request" }],
      pathFilter: { kind: "paths", patterns: ["x/**"] },
    });

    expect(decide([], { ...pullRequest, fromFork: true }, [review])).toMatchObject([{ reason: "not_permitted" }]);
  });
});
