import type { RepoFacts } from "../domain/repo-facts.js";
import type { ChannelStore } from "../store/channel-store.js";
import type { NewNotification, NotificationStore } from "../store/notification-store.js";

/** Where a repository's work hands its notifications: the senders deliver them from the store. */
export interface NotificationOutbox {
  /** The names of the channels registered for the repository's owner; usually none, and then nothing more is done. */
  channelNames(): Promise<ReadonlySet<string>>;
  /** The repository's page on GitHub, for the links notifications carry. */
  readonly repoUrl: string;
  /** Queues notifications (each once per channel, deployment and event) and wakes this process's senders. */
  queue(notifications: readonly NewNotification[]): Promise<void>;
}

/** What an outbox runs on. */
export interface OutboxParts {
  readonly store: Pick<ChannelStore, "listChannels"> & Pick<NotificationStore, "queueNotifications">;
  readonly now: () => Date;
  /** GitHub's web address: `https://github.com`, or a GitHub Enterprise Server's. */
  readonly githubUrl: string;
  /** Called when something new was queued. */
  readonly onQueued: () => void;
}

/** The notification outbox of one repository. */
export function createNotificationOutbox(parts: OutboxParts, repo: RepoFacts): NotificationOutbox {
  return {
    async channelNames() {
      const channels = await parts.store.listChannels(repo.owner.toLowerCase());
      return new Set(channels.map((channel) => channel.name));
    },
    repoUrl: `${parts.githubUrl.replace(/\/+$/, "")}/${repo.owner}/${repo.name}`,
    async queue(notifications) {
      if ((await parts.store.queueNotifications(notifications, parts.now())) > 0) parts.onQueued();
    },
  };
}
