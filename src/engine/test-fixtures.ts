import { DateTime } from "luxon";
import type { DeployConfig, Target } from "../config/model.js";
import type { EngineState } from "./types.js";
import type { RepoFacts } from "../domain/repo-facts.js";

/** Test fixtures for the engine's table tests (kept out of the build by name). */
export const repo: RepoFacts = { id: 1, owner: "acme", name: "shop" };

export const SHA_A = "a".repeat(40);
export const SHA_B = "b".repeat(40);

/** A target with v2 defaults, overridable per test. */
export function target(overrides: Partial<Target> & Pick<Target, "name">): Target {
  return {
    autoDeployOn: [{ kind: "ref", pattern: "refs/heads/main" }],
    environment: "production",
    task: "deploy",
    description: "",
    payload: {},
    requiredContexts: [],
    autoMerge: false,
    transientEnvironment: false,
    productionEnvironment: false,
    deployers: undefined,
    admins: undefined,
    allowForks: false,
    allowDrafts: true,
    coalesce: undefined,
    hooks: [],
    hookChecks: true,
    stuckAfterMs: 600_000,
    timeoutMs: 3_600_000,
    freezes: [],
    promoteFrom: [],
    soakMs: 0,
    pathFilter: undefined,
    approvals: undefined,
    ...overrides,
  };
}

export function config(...targets: Target[]): DeployConfig {
  return { sourceVersion: 2, targets, defaultTarget: undefined, commandPrefix: "/", notifications: [] };
}

/** The engine's clock in the table tests: a Monday noon (UTC). */
export const NOW = DateTime.fromISO("2026-12-07T12:00:00Z").toJSDate();

export function state(overrides: Partial<EngineState> = {}): EngineState {
  return {
    pending: [],
    checks: [],
    deployedEnvironments: new Set(),
    locks: [],
    now: NOW,
    upstream: [],
    approvals: [],
    mergeGroups: [],
    ...overrides,
  };
}
