import type { FakeDeployment } from "../test/fake-github/fake-github-server.js";
import { loadPayload } from "../test/helpers/payloads.js";
import { randomSha, type WebhookEvent, type WebhookRepo } from "../test/helpers/webhook-events.js";

/** A notification the app owes a channel for one deployment, and the webhook that asks for it. */
export interface ExpectedNotification {
  readonly deploymentId: number;
  /** `deployment.<event>`, as `x-deliverybot-event` and the body's `event` carry it. */
  readonly event: string;
  /** The status it announces; null for the `deployment` webhook's `deployment.created`. */
  readonly statusId: number | null;
  /** Index, in the deployment's webhooks, of the one that causes it. */
  readonly cause: number;
}

/** A deployment's webhooks in the order GitHub sends them, and the notifications they are worth. */
export interface DeploymentLifecycle {
  readonly events: readonly WebhookEvent[];
  readonly expected: readonly ExpectedNotification[];
}

/** The statuses a deployment goes through after its `deployment` webhook, and what each announces. */
const STATES = [
  // `queued` means `created`, which the `deployment` webhook announced already: one notification per event.
  { state: "queued", announces: undefined },
  { state: "in_progress", announces: "deployment.started" },
  { state: "success", announces: "deployment.succeeded" },
] as const;

/**
 * A deployment to `production` by someone else's tooling, from real payloads
 * (`@octokit/webhooks-examples`): the `deployment` webhook, then `deployment_status` webhooks
 * `queued`, `in_progress` and `success` with increasing ids from `firstStatusId`. Announced with
 * a channel: `deployment.created` (by the `deployment` webhook), `deployment.started`,
 * `deployment.succeeded`.
 */
export function deploymentLifecycle(repo: WebhookRepo, deploymentId: number, firstStatusId: number): DeploymentLifecycle {
  const sha = randomSha();
  const createdAt = new Date().toISOString();
  const repository = (p: PayloadWithRepository) => setRepository(p, repo);
  const deploymentFields = { id: deploymentId, sha, ref: "main", environment: "production", created_at: createdAt };
  const deployment = loadPayload("deployment", {
    index: 0,
    installationId: repo.installationId,
    edit: (p) => {
      repository(p);
      Object.assign(p.deployment, deploymentFields);
    },
  });
  const events: WebhookEvent[] = [{ name: "deployment", payload: deployment }];
  const expected: ExpectedNotification[] = [{ deploymentId, event: "deployment.created", statusId: null, cause: 0 }];
  STATES.forEach(({ state, announces }, index) => {
    const statusId = firstStatusId + index;
    const payload = loadPayload("deployment_status", {
      index: 0,
      installationId: repo.installationId,
      edit: (p) => {
        repository(p);
        Object.assign(p.deployment, deploymentFields);
        Object.assign(p.deployment_status, { id: statusId, state, environment: "production", created_at: createdAt });
      },
    });
    events.push({ name: "deployment_status", payload });
    if (announces !== undefined) expected.push({ deploymentId, event: announces, statusId, cause: index + 1 });
  });
  return { events, expected };
}

/** A deployment's state in a `deployment_status` webhook. */
export type DeploymentState = "queued" | "in_progress" | "success" | "failure";

/**
 * The webhooks GitHub sends about a deployment the app created through the fake: the `deployment`
 * webhook (sent on creation), then, for each of `statuses`, a `deployment_status` webhook such as
 * the workflow that ships reports — with the deployment's id, SHA, environment, task and payload
 * (which carries the app's `trigger` and `idempotency_key`: the app recognises it as its own), and
 * each status created now.
 */
export function ownDeploymentWebhooks(
  repo: WebhookRepo,
  deployment: FakeDeployment,
  statuses: readonly { readonly id: number; readonly state: DeploymentState }[],
): WebhookEvent[] {
  const fields = {
    id: deployment.id,
    sha: deployment.sha,
    ref: deployment.ref,
    task: deployment.task,
    payload: deployment.payload,
    environment: deployment.environment,
    description: deployment.description,
    created_at: deployment.createdAt,
  };
  const created = loadPayload("deployment", {
    index: 0,
    installationId: repo.installationId,
    edit: (p) => {
      setRepository(p, repo);
      Object.assign(p.deployment, fields);
    },
  });
  return [
    { name: "deployment", payload: created },
    ...statuses.map(({ id, state }) => {
      const payload = loadPayload("deployment_status", {
        index: 0,
        installationId: repo.installationId,
        edit: (p) => {
          setRepository(p, repo);
          Object.assign(p.deployment, fields);
          const at = new Date().toISOString();
          Object.assign(p.deployment_status, { id, state, environment: deployment.environment, created_at: at, updated_at: at });
        },
      });
      return { name: "deployment_status", payload };
    }),
  ];
}

interface PayloadWithRepository {
  repository: { id: number; name: string; full_name: string; owner: { login: string } | null };
}

function setRepository(p: PayloadWithRepository, repo: WebhookRepo): void {
  Object.assign(p.repository, {
    id: repo.id,
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    default_branch: "main",
  });
  if (p.repository.owner !== null) p.repository.owner.login = repo.owner;
}
