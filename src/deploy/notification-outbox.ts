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

/** How long an account's channel names are trusted: a channel added or removed applies within this time. */
export const CHANNEL_NAMES_TTL_MS = 10_000;

/** The names of each account's channels, read from the store at most every {@link CHANNEL_NAMES_TTL_MS} per process. */
export type ChannelNames = (owner: string) => Promise<ReadonlySet<string>>;

/**
 * Every deployment event asks whether its owner has channels (usually not); this keeps that from
 * costing a query each time. Accounts are forgotten once stale, so the map holds only recent ones.
 */
export function createChannelNames(store: Pick<ChannelStore, "listChannels">, now: () => Date): ChannelNames {
  const cached = new Map<string, { readonly at: number; readonly names: Promise<ReadonlySet<string>> }>();
  return async (owner) => {
    const at = now().getTime();
    const hit = cached.get(owner);
    if (hit !== undefined && at - hit.at < CHANNEL_NAMES_TTL_MS) return hit.names;
    for (const [key, entry] of cached) if (at - entry.at >= CHANNEL_NAMES_TTL_MS) cached.delete(key);
    const names = store.listChannels(owner).then((channels) => new Set(channels.map((channel) => channel.name)));
    cached.set(owner, { at, names });
    names.catch(() => cached.delete(owner));
    return names;
  };
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
