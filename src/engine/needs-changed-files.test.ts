import { describe, expect, it } from "@jest/globals";
import type { Target } from "../config/model.js";
import type { TriggerFacts } from "../domain/event-facts.js";
import { needsChangedFiles } from "./needs-changed-files.js";
import { config, repo, SHA_A, SHA_B, state, target } from "./test-fixtures.js";
import type { EngineState } from "./types.js";

const push = (ref = "refs/heads/main"): TriggerFacts => ({ kind: "push", ref, sha: SHA_B });
const api = target({ name: "api", pathFilter: { kind: "paths", patterns: ["services/api/**"] } });

function needs(targets: Target[], trigger = push(), engineState: EngineState = state()): boolean {
  return needsChangedFiles({ repo, trigger, config: config(...targets), state: engineState });
}

describe("needsChangedFiles", () => {
  it("needs them when a target with paths would deploy", () => {
    expect(needs([api])).toBe(true);
  });

  it("needs them when such a target would wait (for checks or a lock)", () => {
    expect(needs([{ ...api, requiredContexts: ["ci"] }])).toBe(true);
  });

  it.each<[string, Target[], TriggerFacts, EngineState]>([
    ["no target has a path filter", [target({ name: "production" })], push(), state()],
    ["the filtered target is not triggered by this ref", [api], push("refs/heads/dev"), state()],
    ["the push is a tag", [{ ...api, autoDeployOn: [{ kind: "ref", pattern: "refs/tags/*" }] }], push("refs/tags/v1"), state()],
    ["the commit is already deployed there", [api], push(), state({ deployedEnvironments: new Set(["production"]) })],
    [
      "the commit deploys in place of an older one waiting anyway",
      [api],
      push(),
      state({ pending: [{ target: "api", ref: "refs/heads/main", sha: SHA_A, pr: null, trigger: "push" }] }),
    ],
  ])("does not need them when %s", (_name, targets, trigger, engineState) => {
    expect(needs(targets, trigger, engineState)).toBe(false);
  });
});
