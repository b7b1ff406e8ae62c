import { loadPayload } from "../helpers/payloads.js";
import type { WebhookEvent, WebhookRepo } from "../helpers/webhook-events.js";

/** A deployment as a webhook tells it; ids must not collide with the fake's own (1, 2, 3…). */
export interface DeploymentFacts {
  readonly id: number;
  readonly sha: string;
  readonly ref: string;
  readonly environment: string;
  /** Default: now. The history lists the newest first. */
  readonly createdAt?: Date;
  /** Default null, as in GitHub's example. */
  readonly description?: string | null;
}

/** A deployment status as a webhook tells it; of two statuses, the higher id is the newer. */
export interface StatusFacts {
  readonly id: number;
  readonly state: "error" | "failure" | "inactive" | "pending" | "success" | "queued" | "in_progress";
  /** Default: now. */
  readonly createdAt?: Date;
  /** Default "", as in GitHub's example. */
  readonly description?: string;
  /** Default: the example's (a GitHub Actions run). */
  readonly logUrl?: string;
}

/** The repository fields a payload carries, set to `repo`'s. */
function setRepository(repository: { owner: { login: string } | null }, repo: WebhookRepo): void {
  Object.assign(repository, { id: repo.id, name: repo.name, full_name: `${repo.owner}/${repo.name}`, default_branch: "main" });
  if (repository.owner !== null) repository.owner.login = repo.owner;
}

/** The deployment's fields in a payload, from `facts`. */
function deploymentFields(facts: DeploymentFacts) {
  const createdAt = (facts.createdAt ?? new Date()).toISOString();
  return {
    id: facts.id,
    sha: facts.sha,
    ref: facts.ref,
    environment: facts.environment,
    original_environment: facts.environment,
    description: facts.description ?? null,
    created_at: createdAt,
    updated_at: createdAt,
  };
}

/**
 * GitHub's `deployment` webhook (`created`, from `@octokit/webhooks-examples`) for a deployment
 * someone else created in `repo` (an empty payload: trigger `external`).
 */
export function deploymentEvent(repo: WebhookRepo, deployment: DeploymentFacts): WebhookEvent {
  const payload = loadPayload("deployment", {
    index: 1,
    installationId: repo.installationId,
    edit: (p) => {
      setRepository(p.repository, repo);
      Object.assign(p.deployment, deploymentFields(deployment));
    },
  });
  return { name: "deployment", payload };
}

/** GitHub's `deployment_status` webhook (`created`, from `@octokit/webhooks-examples`): `status` of `deployment` in `repo`. */
export function deploymentStatusEvent(repo: WebhookRepo, deployment: DeploymentFacts, status: StatusFacts): WebhookEvent {
  const payload = loadPayload("deployment_status", {
    index: 1,
    installationId: repo.installationId,
    edit: (p) => {
      setRepository(p.repository, repo);
      Object.assign(p.deployment, deploymentFields(deployment));
      const createdAt = (status.createdAt ?? new Date()).toISOString();
      Object.assign(p.deployment_status, {
        id: status.id,
        state: status.state,
        environment: deployment.environment,
        created_at: createdAt,
        updated_at: createdAt,
        description: status.description ?? "",
        ...(status.logUrl === undefined ? {} : { log_url: status.logUrl }),
      });
    },
  });
  return { name: "deployment_status", payload };
}

/** A push as a webhook tells it: one commit, `sha`, made at `committedAt`. */
export interface PushFacts {
  /** A full ref, e.g. `refs/heads/feature`. */
  readonly ref: string;
  readonly sha: string;
  /** The commit's `timestamp`: where the lead time of its deployments starts. */
  readonly committedAt: Date;
}

/**
 * GitHub's `push` webhook (from `@octokit/webhooks-examples`, one commit) of `push.sha` to
 * `push.ref` in `repo`, the commit (head and listed) dated `push.committedAt`.
 */
export function commitPushEvent(repo: WebhookRepo, push: PushFacts): WebhookEvent {
  const timestamp = push.committedAt.toISOString();
  const payload = loadPayload("push", {
    index: 4,
    installationId: repo.installationId,
    edit: (p) => {
      setRepository(p.repository, repo);
      Object.assign(p, { ref: push.ref, before: "0".repeat(39) + "1", after: push.sha, deleted: false, created: false });
      for (const commit of p.commits) Object.assign(commit, { id: push.sha, timestamp });
      if (p.head_commit !== null) Object.assign(p.head_commit, { id: push.sha, timestamp });
    },
  });
  return { name: "push", payload };
}

/** A pull request as a webhook tells it: opened from a branch of the same repository. */
export interface PullRequestFacts {
  readonly number: number;
  readonly sha: string;
  /** The head branch, without `refs/heads/`. */
  readonly ref: string;
  /** Who opened it. */
  readonly author: string;
}

/** GitHub's `pull_request` webhook (`opened`, from `@octokit/webhooks-examples`): `pr` opened in `repo`, not a draft. */
export function pullRequestOpenedEvent(repo: WebhookRepo, pr: PullRequestFacts): WebhookEvent {
  const payload = loadPayload("pull_request", {
    action: "opened",
    installationId: repo.installationId,
    edit: (p) => {
      setRepository(p.repository, repo);
      p.number = pr.number;
      Object.assign(p.pull_request, { number: pr.number, draft: false, updated_at: new Date().toISOString() });
      if (p.pull_request.user !== null) p.pull_request.user.login = pr.author;
      Object.assign(p.pull_request.head, { ref: pr.ref, sha: pr.sha });
      for (const side of [p.pull_request.head.repo, p.pull_request.base.repo]) if (side !== null) setRepository(side, repo);
    },
  });
  return { name: "pull_request", payload };
}
