import type { RepoFacts } from "../domain/repo-facts.js";
import { createTtlCache } from "../github/ttl-cache.js";
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

/** How long an account's channel names are trusted: a channel added or removed applies within this time. */
export const CHANNEL_NAMES_TTL_MS = 10_000;
/** Accounts whose channel names are kept at once; the oldest go first. */
const MAX_ACCOUNTS = 10_000;

/** The names of each account's channels, read from the store at most every {@link CHANNEL_NAMES_TTL_MS} per process. */
export type ChannelNames = (owner: string) => Promise<ReadonlySet<string>>;

/**
 * Every deployment event asks whether its owner has channels (usually not); this keeps that from
 * costing a query each time.
 */
export function createChannelNames(store: Pick<ChannelStore, "listChannels">, now: () => Date): ChannelNames {
  const cache = createTtlCache<ReadonlySet<string>>(CHANNEL_NAMES_TTL_MS, MAX_ACCOUNTS, () => now().getTime());
  return (owner) => cache.get(owner, async () => new Set((await store.listChannels(owner)).map((channel) => channel.name)));
}

/** What an outbox runs on. */
export interface OutboxParts {
  readonly store: Pick<NotificationStore, "queueNotifications">;
  readonly channelNames: ChannelNames;
  readonly now: () => Date;
  /** GitHub's web address: `https://github.com`, or a GitHub Enterprise Server's. */
  readonly githubUrl: string;
  /** Called when something new was queued. */
  readonly onQueued: () => void;
}

/** The notification outbox of one repository. */
export function createNotificationOutbox(parts: OutboxParts, repo: RepoFacts): NotificationOutbox {
  return {
    channelNames: () => parts.channelNames(repo.owner.toLowerCase()),
    repoUrl: `${parts.githubUrl.replace(/\/+$/, "")}/${repo.owner}/${repo.name}`,
    async queue(notifications) {
      if ((await parts.store.queueNotifications(notifications, parts.now())) > 0) parts.onQueued();
    },
  };
}
