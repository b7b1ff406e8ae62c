import type { NotificationFacts } from "../domain/notifications.js";

/**
 * The JSON body of a `webhook` channel's notification, in GitHub's webhook style (snake_case).
 * `timestamp` (Unix seconds) is signed with the rest, so a receiver can refuse old replays.
 */
export interface WebhookBody {
  readonly event: `deployment.${NotificationFacts["event"]}`;
  readonly delivery: string;
  readonly timestamp: number;
  readonly state: NotificationFacts["event"];
  readonly repository: {
    readonly id: number;
    readonly owner: string;
    readonly name: string;
    readonly full_name: string;
    readonly html_url: string;
  };
  readonly deployment: {
    readonly id: number;
    readonly environment: string;
    readonly sha: string;
    readonly ref: string;
    readonly task: string;
    readonly target: string | null;
    readonly pull_request: number | null;
    readonly creator: string | null;
    readonly trigger: string | null;
    readonly description: string | null;
    readonly created_at: string;
    readonly commit_url: string;
    readonly pull_request_url: string | null;
  };
  readonly status: {
    readonly id: number;
    readonly state: string;
    readonly description: string | null;
    readonly log_url: string | null;
    readonly environment_url: string | null;
    readonly created_at: string;
  } | null;
}

/**
 * The body a `webhook` channel receives for a notification: its facts as they were queued, the
 * delivery id (the same on every retry, so receivers can drop duplicates) and when it was sent.
 */
export function renderWebhookBody(
  notification: { readonly id: string; readonly facts: NotificationFacts },
  timestamp: number,
): WebhookBody {
  const { event, repository: repo, deployment, status } = notification.facts;
  return {
    event: `deployment.${event}`,
    delivery: notification.id,
    timestamp,
    state: event,
    repository: {
      id: repo.id,
      owner: repo.owner,
      name: repo.name,
      full_name: `${repo.owner}/${repo.name}`,
      html_url: repo.htmlUrl,
    },
    deployment: {
      id: deployment.id,
      environment: deployment.environment,
      sha: deployment.sha,
      ref: deployment.ref,
      task: deployment.task,
      target: deployment.target,
      pull_request: deployment.pr,
      creator: deployment.creator,
      trigger: deployment.trigger,
      description: deployment.description,
      created_at: deployment.createdAt,
      commit_url: `${repo.htmlUrl}/commit/${deployment.sha}`,
      pull_request_url: deployment.pr === null ? null : `${repo.htmlUrl}/pull/${deployment.pr}`,
    },
    status:
      status === null
        ? null
        : {
            id: status.id,
            state: status.state,
            description: status.description,
            log_url: status.logUrl,
            environment_url: status.environmentUrl,
            created_at: status.createdAt,
          },
  };
}
