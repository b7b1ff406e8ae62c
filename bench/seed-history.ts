import type { DeploymentTrigger } from "../src/domain/deployments.js";
import { openStore } from "../src/store/open-store.js";
import type { Random } from "../test/helpers/seeded-random.js";

/** What {@link seedHistory} wrote. */
export interface SeededHistory {
  readonly deployments: number;
  readonly statuses: number;
  /** The default branch's commits, newest first, the newest deployments' among them. */
  readonly commits: readonly string[];
  readonly seconds: number;
}

const ENVIRONMENTS = ["production", "staging", "canary", "qa"] as const;
const CREATORS = ["alice", "bob", "cleo", "dora", "deliverybot[bot]"] as const;
const TRIGGERS: readonly DeploymentTrigger[] = ["auto", "auto", "auto", "command", "dashboard", "hook", "cli", "external"];
const DAY_MS = 86_400_000;

/**
 * Writes `count` deployments of one repository into the store the backend's variables select
 * (before the app opens it), through the store's own API, as the webhooks would have: over the last
 * 90 days, in four environments, by five people, each with an `in_progress` and a final status (one
 * in ten failed, the newest few still in progress). Also checks on the newest commits.
 */
export async function seedHistory(
  env: Readonly<Record<string, string>>,
  repoId: number,
  count: number,
  random: Random,
): Promise<SeededHistory> {
  const started = performance.now();
  const { store } = await openStore(env);
  const commits = Array.from({ length: 40 }, (_, index) => sha(repoId, index));
  let statuses = 0;
  try {
    const now = Date.now();
    for (let index = 0; index < count; index += 1) {
      // Oldest first; the newest 40 deploy the 40 listed commits, the rest older ones.
      const age = count - 1 - index;
      const createdAt = new Date(now - 90 * DAY_MS + (index / count) * 90 * DAY_MS);
      const id = 500_000_000 + index;
      const environment = random.pick(ENVIRONMENTS);
      await store.recordDeployment({
        id,
        repoId,
        environment,
        sha: age < commits.length ? (commits[age] ?? "") : sha(repoId, 1_000 + index),
        ref: "main",
        task: "deploy",
        target: environment,
        pr: null,
        transient: false,
        createdAt,
        creator: random.pick(CREATORS),
        trigger: random.pick(TRIGGERS),
        description: `Deploy ${index}`,
      });
      const status = (offset: number, state: string) => ({
        id: 600_000_000 + 2 * index + offset,
        deploymentId: id,
        state,
        description: state === "failure" ? "Smoke test failed" : null,
        environmentUrl: `https://${environment}.example.com`,
        logUrl: `https://ci.example.com/runs/${id}`,
        createdAt: new Date(createdAt.getTime() + (offset + 1) * 60_000),
      });
      await store.recordDeploymentStatus(status(0, "in_progress"));
      statuses += 1;
      if (age >= 3) {
        await store.recordDeploymentStatus(status(1, random.int(10) === 0 ? "failure" : "success"));
        statuses += 1;
      }
    }
    for (const [index, commit] of commits.slice(0, 15).entries()) {
      for (const context of ["ci/build", "ci/test", "lint"]) {
        // The newest still running; one failing lint; the rest green.
        let outcome: "pending" | "failure" | "success" = "success";
        if (index === 0) outcome = "pending";
        else if (index === 4 && context === "lint") outcome = "failure";
        await store.recordCheck({ repoId, sha: commit, context, source: "status", outcome, externalId: 700_000_000 + index });
      }
    }
  } finally {
    await store.close();
  }
  return { deployments: count, statuses, commits, seconds: (performance.now() - started) / 1_000 };
}

/** A stable 40-hex SHA per (repository, index). */
function sha(repoId: number, index: number): string {
  return `${repoId.toString(16)}${index.toString(16).padStart(8, "0")}`.padEnd(40, "a").slice(0, 40);
}
