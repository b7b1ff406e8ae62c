import { describe, expect, it } from "@jest/globals";
import { decideChecks } from "./decide-checks.js";
import { config, repo, SHA_A, state, target } from "./test-fixtures.js";

import type { CheckFact } from "../domain/checks.js";
import type { PendingDeploy } from "../domain/deployments.js";

const waiting: PendingDeploy = { target: "production", ref: "refs/heads/main", sha: SHA_A, pr: null, trigger: "push" };
const ci = (outcome: CheckFact["outcome"]): CheckFact => ({ context: "ci", source: "check_run", outcome });

describe("decideChecks", () => {
  const production = target({ name: "production", requiredContexts: ["ci"] });

  it.each([
    ["pending", "wait", "waiting_for_checks"],
    ["failure", "wait", "checks_failed"],
    ["success", "deploy", "deployed"],
  ] as const)("a required check that is %s leads to %s (%s)", (outcome, action, reason) => {
    const decisions = decideChecks({
      repo,
      config: config(production),
      state: state({ pending: [waiting], checks: [ci(outcome)] }),
    });

    expect(decisions).toMatchObject([{ action, reason, target: "production", sha: SHA_A }]);
  });

  it("drops a waiting deploy whose target left the configuration", () => {
    const decisions = decideChecks({ repo, config: config(), state: state({ pending: [waiting], checks: [ci("success")] }) });

    expect(decisions).toMatchObject([{ action: "drop", reason: "target_removed" }]);
  });

  it("drops a waiting deploy whose target no longer matches the ref", () => {
    const moved = target({ name: "production", autoDeployOn: [{ kind: "ref", pattern: "refs/heads/release" }] });

    const decisions = decideChecks({
      repo,
      config: config(moved),
      state: state({ pending: [waiting], checks: [ci("success")] }),
    });

    expect(decisions).toMatchObject([{ action: "drop", reason: "target_removed" }]);
  });

  it("drops a waiting deploy once the commit is deployed there", () => {
    const decisions = decideChecks({
      repo,
      config: config(production),
      state: state({ pending: [waiting], checks: [ci("success")], deployedEnvironments: new Set(["production"]) }),
    });

    expect(decisions).toMatchObject([{ action: "drop", reason: "already_deployed" }]);
  });

  it("decides nothing when nothing waits", () => {
    expect(decideChecks({ repo, config: config(production), state: state({ checks: [ci("success")] }) })).toEqual([]);
  });
});
