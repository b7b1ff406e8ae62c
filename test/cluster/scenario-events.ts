import { createHash } from "node:crypto";
import { createRandom } from "../helpers/seeded-random.js";
import {
  checkRunEvent,
  checkSuiteEvent,
  commentEvent,
  deploymentEvent,
  deploymentStatusEvent,
  pullRequestEvent,
  pushEvent,
  statusEvent,
  type WebhookEvent,
  type WebhookRepo,
} from "../helpers/webhook-events.js";

/** One distinct webhook of the scenario. */
export interface ScenarioEvent {
  /** What it stands for, as the report counts it. */
  readonly kind: string;
  readonly event: WebhookEvent;
  /** Events of one group (a burst) are sent at the same moment. */
  readonly group: number;
  /** A push that creates a deployment: each is also re-sent once. */
  readonly deploys: boolean;
}

/** A stable id from the seed and a label: 40 hex characters, as a commit SHA. */
export function seededSha(seed: number, label: string): string {
  return createHash("sha1").update(`${seed}:${label}`).digest("hex");
}

/** What each configured repository gets. */
export const PER_REPOSITORY = {
  /** Tags whose `ci/test` turns green: one production deployment each. */
  greenTags: 3,
  /** Tags whose `ci/test` fails: no deployment. */
  redTags: 1,
  /** Commits pushed to main: one staging deployment each (one of them pushed twice). */
  mainCommits: 2,
  /** Commits pushed to feature branches: no deployment. */
  featureCommits: 2,
  /** Successful `ci/test` statuses per green tag, sent at once to different instances. */
  burst: 4,
} as const;

/** Events that ask nothing of Deliverybot, by kind. */
export const NO_ACTION = {
  unconfiguredPushes: 10,
  statuses: 150,
  checkRuns: 80,
  checkSuites: 30,
  deployments: 20,
  deploymentStatuses: 20,
  pullRequestsOpened: 20,
  pullRequestsLabeled: 20,
  comments: 50,
} as const;

/**
 * The scenario's distinct events and the deployments they must lead to (`owner/name environment sha`).
 * Whatever order they arrive in, the outcome is the same: status ids grow (a later status of a context
 * is the newer), each tag is its own ref, a red commit never gets a green `ci/test`, and the events that
 * ask nothing name commits no push mentions.
 */
export function scenarioEvents(
  seed: number,
  repos: readonly WebhookRepo[],
  unconfigured: WebhookRepo,
): { events: ScenarioEvent[]; expected: string[] } {
  const events: ScenarioEvent[] = [];
  const expected: string[] = [];
  let group = 0;
  let statusId = 1_000;
  const add = (kind: string, event: WebhookEvent, deploys = false, inGroup = group++) =>
    events.push({ kind, event, group: inGroup, deploys });

  for (const repo of repos) {
    const full = `${repo.owner}/${repo.name}`;
    const sha = (label: string) => seededSha(seed, `${full} ${label}`);
    for (let tag = 0; tag < PER_REPOSITORY.greenTags; tag += 1) {
      const commit = sha(`green ${tag}`);
      add("push: tag, ci/test turns green (deploys production)", pushEvent(repo, `refs/tags/v1.${tag}.0`, commit), true);
      add("status: ci/test pending", statusEvent(repo, commit, "ci/test", "pending", statusId++));
      const burst = group++;
      for (let n = 0; n < PER_REPOSITORY.burst; n += 1) {
        const event = statusEvent(repo, commit, "ci/test", "success", statusId++);
        add(`status: ci/test success, bursts of ${PER_REPOSITORY.burst} at once`, event, false, burst);
      }
      add("status: lint, not required", statusEvent(repo, commit, "lint", tag % 2 === 0 ? "failure" : "success", statusId++));
      expected.push(`${full} production ${commit}`);
    }
    for (let tag = 0; tag < PER_REPOSITORY.redTags; tag += 1) {
      const commit = sha(`red ${tag}`);
      add("push: tag, ci/test fails", pushEvent(repo, `refs/tags/v0.${tag}.0`, commit));
      add("status: ci/test pending", statusEvent(repo, commit, "ci/test", "pending", statusId++));
      add("status: ci/test failure", statusEvent(repo, commit, "ci/test", "failure", statusId++));
      add("status: lint, not required", statusEvent(repo, commit, "lint", "success", statusId++));
    }
    for (let n = 0; n < PER_REPOSITORY.mainCommits; n += 1) {
      const commit = sha(`main ${n}`);
      add("push: main (deploys staging)", pushEvent(repo, "refs/heads/main", commit), true);
      add("status: commit nothing waits on", statusEvent(repo, commit, "ci/test", "success", statusId++));
      if (n === 0) add("push: main again, same commit, new delivery id", pushEvent(repo, "refs/heads/main", commit));
      expected.push(`${full} staging ${commit}`);
    }
    for (let n = 0; n < PER_REPOSITORY.featureCommits; n += 1) {
      const commit = sha(`feature ${n}`);
      add("push: feature branch", pushEvent(repo, `refs/heads/feature/${n}`, commit));
      add("status: commit nothing waits on", statusEvent(repo, commit, "ci/test", "success", statusId++));
    }
    add("push: branch deleted", pushEvent(repo, "refs/heads/feature/old", sha("deleted"), true));
  }

  const random = createRandom(seed ^ 0x5eed);
  const unknown = (n: number) => seededSha(seed, `unknown ${n}`);
  const anyRepo = () => random.pick(repos);
  for (let n = 0; n < NO_ACTION.unconfiguredPushes; n += 1) {
    add("push: repository without deploy.yml", pushEvent(unconfigured, "refs/heads/main", unknown(n)));
  }
  for (let n = 0; n < NO_ACTION.statuses; n += 1) {
    const context = random.pick(["ci/test", "lint", "coverage"]);
    const state = random.pick(["pending", "success", "failure"] as const);
    add("status: unknown commit", statusEvent(anyRepo(), unknown(1_000 + n), context, state, statusId++));
  }
  for (let n = 0; n < NO_ACTION.checkRuns; n += 1) {
    const conclusion = n % 2 === 0 ? null : "success";
    add("check_run: unknown commit", checkRunEvent(anyRepo(), unknown(2_000 + n), "build", 50_000 + n, conclusion));
  }
  for (let n = 0; n < NO_ACTION.checkSuites; n += 1)
    add("check_suite: unknown commit", checkSuiteEvent(anyRepo(), unknown(3_000 + n)));
  for (let n = 0; n < NO_ACTION.deployments; n += 1) {
    add("deployment by someone else", deploymentEvent(anyRepo(), unknown(4_000 + n)));
  }
  for (let n = 0; n < NO_ACTION.deploymentStatuses; n += 1) {
    add("deployment_status by someone else", deploymentStatusEvent(anyRepo(), unknown(5_000 + n)));
  }
  for (let n = 0; n < NO_ACTION.pullRequestsOpened; n += 1) {
    add("pull_request opened, no pr target", pullRequestEvent(anyRepo(), "opened", unknown(6_000 + n)));
  }
  for (let n = 0; n < NO_ACTION.pullRequestsLabeled; n += 1) {
    add("pull_request labeled, not handled", pullRequestEvent(anyRepo(), "labeled", unknown(7_000 + n)));
  }
  for (let n = 0; n < NO_ACTION.comments; n += 1) add("issue_comment, not a command", commentEvent(anyRepo()));
  return { events, expected };
}
