import { randomBytes, randomUUID } from "node:crypto";
import { loadPayload } from "./payloads.js";
import { signPayload } from "./sign.js";

/** A repository events are about, and the installation that covers it. */
export interface WebhookRepo {
  readonly owner: string;
  readonly name: string;
  readonly id: number;
  readonly installationId: number;
}

/** A webhook ready to POST: event name, delivery id, exact body bytes and their signature. */
export interface SignedWebhook {
  readonly name: string;
  readonly id: string;
  readonly body: Buffer;
  readonly signature: string;
}

/** An unsigned event: a name and a payload from `@octokit/webhooks-examples`, adjusted. */
export interface WebhookEvent {
  readonly name: string;
  readonly payload: unknown;
}

/** The parts of a payload's `repository` the app reads. */
interface RepositoryFields {
  id: number;
  name: string;
  full_name: string;
  owner: { login: string } | null;
  default_branch: string;
}

/** A random 40-hex commit SHA. */
export function randomSha(): string {
  return randomBytes(20).toString("hex");
}

/** Signs an event with the webhook secret, with its `X-GitHub-Delivery` id (a fresh one unless given). */
export function signEvent(secret: string, event: WebhookEvent, id: string = randomUUID()): SignedWebhook {
  const text = JSON.stringify(event.payload);
  return { name: event.name, id, body: Buffer.from(text), signature: signPayload(secret, text) };
}

function setRepository(repository: RepositoryFields, repo: WebhookRepo): void {
  Object.assign(repository, { id: repo.id, name: repo.name, full_name: `${repo.owner}/${repo.name}`, default_branch: "main" });
  if (repository.owner !== null) repository.owner.login = repo.owner;
}

/** The files a pushed commit changed, as the push payload lists them (`commits[].added/modified/removed`). */
export interface PushedChanges {
  readonly added?: readonly string[];
  readonly modified?: readonly string[];
  readonly removed?: readonly string[];
}

/**
 * A push of one commit to `ref`, changing what `changes` lists (by default it adds README.md, as
 * the example payload does); `deleted` makes it a branch deletion. The payload lists the commit's
 * files, so path filters need no call to GitHub.
 */
export function pushEvent(repo: WebhookRepo, ref: string, sha: string, deleted = false, changes?: PushedChanges): WebhookEvent {
  const payload = loadPayload("push", {
    index: 4,
    installationId: repo.installationId,
    edit: (p) => {
      setRepository(p.repository, repo);
      Object.assign(p, { ref, before: randomSha(), after: deleted ? "0".repeat(40) : sha, deleted, created: false });
      const files =
        changes === undefined
          ? {}
          : { added: [...(changes.added ?? [])], modified: [...(changes.modified ?? [])], removed: [...(changes.removed ?? [])] };
      for (const commit of p.commits) Object.assign(commit, { id: sha, ...files });
      if (p.head_commit !== null) Object.assign(p.head_commit, { id: sha, ...files });
    },
  });
  return { name: "push", payload };
}

/**
 * A commit status for `sha`. `id` is the status's own id (random unless given): of two statuses of
 * one context, the higher id is the newer.
 */
export function statusEvent(
  repo: WebhookRepo,
  sha: string,
  context: string,
  state: "pending" | "success" | "failure",
  id: number = randomId(),
): WebhookEvent {
  const payload = loadPayload("status", {
    index: 3,
    installationId: repo.installationId,
    edit: (p) => {
      setRepository(p.repository, repo);
      Object.assign(p, { sha, context, state, id });
      p.commit.sha = sha;
    },
  });
  return { name: "status", payload };
}

/** A check run `created` (queued) or `completed` (with a conclusion) on `sha`. */
export function checkRunEvent(
  repo: WebhookRepo,
  sha: string,
  name: string,
  checkRunId: number,
  conclusion: "success" | "failure" | null,
): WebhookEvent {
  const action = conclusion === null ? "created" : "completed";
  const payload = loadPayload("check_run", {
    action,
    installationId: repo.installationId,
    edit: (p) => {
      setRepository(p.repository, repo);
      Object.assign(p.check_run, {
        id: checkRunId,
        name,
        head_sha: sha,
        status: conclusion === null ? "queued" : "completed",
        conclusion,
      });
      p.check_run.check_suite.head_sha = sha;
    },
  });
  return { name: "check_run", payload };
}

/** A check suite completed on `sha`. */
export function checkSuiteEvent(repo: WebhookRepo, sha: string): WebhookEvent {
  const payload = loadPayload("check_suite", {
    action: "completed",
    installationId: repo.installationId,
    edit: (p) => {
      setRepository(p.repository, repo);
      Object.assign(p.check_suite, { id: randomId(), head_sha: sha, status: "completed", conclusion: "success" });
    },
  });
  return { name: "check_suite", payload };
}

/** A deployment status reported by someone else's workflow, on a deployment the app did not create. */
export function deploymentStatusEvent(repo: WebhookRepo, sha: string): WebhookEvent {
  const payload = loadPayload("deployment_status", {
    index: 1,
    installationId: repo.installationId,
    edit: (p) => {
      setRepository(p.repository, repo);
      Object.assign(p.deployment, { id: randomId(), sha, ref: "main", environment: "staging" });
      Object.assign(p.deployment_status, { id: randomId(), state: "success", environment: "staging" });
    },
  });
  return { name: "deployment_status", payload };
}

/** A deployment created by someone else. */
export function deploymentEvent(repo: WebhookRepo, sha: string): WebhookEvent {
  const payload = loadPayload("deployment", {
    index: 1,
    installationId: repo.installationId,
    edit: (p) => {
      setRepository(p.repository, repo);
      Object.assign(p.deployment, { id: randomId(), sha, ref: "main", environment: "qa" });
    },
  });
  return { name: "deployment", payload };
}

/** A pull request `opened`, `synchronize` or `labeled` in the repository itself (not a fork). */
export function pullRequestEvent(repo: WebhookRepo, action: "opened" | "synchronize" | "labeled", sha: string): WebhookEvent {
  const payload = loadPayload("pull_request", {
    action,
    installationId: repo.installationId,
    edit: (p) => {
      setRepository(p.repository, repo);
      const number = 1 + (randomId() % 500);
      Object.assign(p, { number });
      Object.assign(p.pull_request, { number, draft: false, state: "open" });
      Object.assign(p.pull_request.head, { sha, ref: `feature-${number}` });
      if (p.pull_request.head.repo !== null) setRepository(p.pull_request.head.repo, repo);
      setRepository(p.pull_request.base.repo, repo);
    },
  });
  return { name: "pull_request", payload };
}

/** A conversation comment on a pull request that is not a command. */
export function commentEvent(repo: WebhookRepo): WebhookEvent {
  const payload = loadPayload("issue_comment", {
    action: "created",
    installationId: repo.installationId,
    edit: (p) => {
      setRepository(p.repository, repo);
      const url = `https://github.invalid/${repo.owner}/${repo.name}/pull/${p.issue.number}`;
      p.issue.pull_request = { url, html_url: url, diff_url: `${url}.diff`, patch_url: `${url}.patch`, merged_at: null };
      p.comment.id = randomId();
    },
  });
  return { name: "issue_comment", payload };
}

function randomId(): number {
  return randomBytes(4).readUInt32BE() + 1;
}
