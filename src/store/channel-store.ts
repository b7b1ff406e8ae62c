import type { ChannelKind } from "../domain/notifications.js";

/**
 * A notification channel registered on the app (`deliverybot notify add`) for one account (an
 * organisation or user): repositories of that account name it in `.github/deploy.yml`. Its URL
 * and signing secret are sealed (encrypted) before they reach the store.
 */
export interface ChannelRecord {
  /** The account's login, lower-case. */
  readonly owner: string;
  /** What `notifications[].channel` names: lower-case letters, digits and `-`. */
  readonly name: string;
  readonly kind: ChannelKind;
  /** URL and secret, encrypted and authenticated (see `src/notify/seal-channel.ts`). */
  readonly sealed: string;
  /** A fingerprint of the key that sealed it (never the key). */
  readonly keyId: string;
  /** What may be shown of the URL: scheme and host, e.g. `https://hooks.slack.com`. */
  readonly urlHint: string;
  /** Whether the URL may point at loopback, private or link-local addresses. */
  readonly allowPrivate: boolean;
  readonly createdAt: Date;
}

/** Notification channels. */
export interface ChannelStore {
  /**
   * Stores a channel. One of the same owner and name is replaced when `replace` is set; otherwise
   * nothing changes and it resolves false.
   */
  saveChannel(channel: ChannelRecord, replace: boolean): Promise<boolean>;
  findChannel(owner: string, name: string): Promise<ChannelRecord | undefined>;
  /** The channels of one account (lower-case login), or of all; by owner, then name. */
  listChannels(owner?: string): Promise<ChannelRecord[]>;
  /** Removes a channel; false when there was none. */
  removeChannel(owner: string, name: string): Promise<boolean>;
}
