import { randomUUID } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import type { NotificationEvent } from "../../src/domain/notifications.js";
import type { ChannelRecord } from "../../src/store/channel-store.js";
import type { NewNotification } from "../../src/store/notification-store.js";
import type { Store } from "../../src/store/store.js";
import { uniqueRepoId } from "./store-fixtures.js";

const DAY_MS = 86_400_000;
const LEASE = 30_000;
let clockCounter = 0;

/** Before anything earlier tests queued: the notification queue is shared by the suite's tests. */
function earlierThanOtherTests(): Date {
  clockCounter += 1;
  return new Date(Date.UTC(1990, 0, 1) - clockCounter * DAY_MS);
}

const later = (t: Date, ms: number) => new Date(t.getTime() + ms);

function channel(owner: string, overrides: Partial<ChannelRecord> = {}): ChannelRecord {
  return {
    owner,
    name: "deploys",
    kind: "webhook",
    sealed: "v1.sealed-value",
    keyId: "0123456789abcdef",
    urlHint: "https://receiver.example",
    allowPrivate: false,
    createdAt: new Date("2026-01-01T10:00:00Z"),
    ...overrides,
  };
}

function notification(repoId: number, event: NotificationEvent, overrides: Partial<NewNotification> = {}): NewNotification {
  return {
    id: randomUUID(),
    owner: `acme-${repoId}`,
    channel: "deploys",
    repoId,
    deploymentId: repoId + 1,
    event,
    facts: JSON.stringify({ event }),
    ...overrides,
  };
}

/** Contract: notification channels, and the queue that sends each notification once, in order. */
export function describeNotificationContract(getStore: () => Store): void {
  describe("notification channels", () => {
    it("saves a channel once unless replaced, finds, lists by owner and removes it", async () => {
      const store = getStore();
      const owner = `acme-${uniqueRepoId()}`;
      const first = channel(owner);
      const other = channel(owner, { name: "alerts", kind: "slack" });

      const saved = await store.saveChannel(first, false);
      const again = await store.saveChannel({ ...first, sealed: "v1.other" }, false);
      await store.saveChannel(other, false);
      const kept = await store.findChannel(owner, "deploys");
      const replaced = await store.saveChannel({ ...first, sealed: "v1.rotated", allowPrivate: true }, true);
      const listed = await store.listChannels(owner);
      const removed = await store.removeChannel(owner, "deploys");
      const removedAgain = await store.removeChannel(owner, "deploys");

      expect([saved, again, replaced]).toEqual([true, false, true]);
      expect(kept).toEqual(first);
      expect(listed).toEqual([other, { ...first, sealed: "v1.rotated", allowPrivate: true }]);
      expect([removed, removedAgain]).toEqual([true, false]);
      await expect(store.findChannel(owner, "deploys")).resolves.toBeUndefined();
      expect((await store.listChannels()).map((c) => c.owner)).toContain(owner);
    });
  });

  describe("notification queue", () => {
    it("queues a notification once per channel, deployment and event, whatever became of the first", async () => {
      const store = getStore();
      const t = earlierThanOtherTests();
      const repoId = uniqueRepoId();
      const created = notification(repoId, "created");

      const first = await store.queueNotifications([created, notification(repoId, "started")], t);
      const again = await store.queueNotifications([{ ...created, id: randomUUID() }], t);
      const claimed = await store.claimNotification(t, LEASE);
      await store.completeNotification(created.id, claimed?.token ?? "", t);
      const afterDone = await store.queueNotifications([{ ...created, id: randomUUID() }], t);
      const otherChannel = await store.queueNotifications([{ ...created, id: randomUUID(), channel: "alerts" }], t);

      expect([first, again, afterDone, otherChannel]).toEqual([2, 0, 0, 1]);
      expect(claimed).toEqual({ ...created, token: expect.any(String), attempts: 1, createdAt: t });
    });

    it("holds a deployment's later notification to a channel until the earlier one is done or parked", async () => {
      const store = getStore();
      const t = earlierThanOtherTests();
      const repoId = uniqueRepoId();
      const created = notification(repoId, "created");
      const started = notification(repoId, "started");
      const otherDeployment = notification(repoId, "created", { deploymentId: repoId + 2 });
      await store.queueNotifications([created, started, otherDeployment], t);

      const a = await store.claimNotification(t, LEASE);
      const b = await store.claimNotification(t, LEASE);
      const none = await store.claimNotification(t, LEASE);
      await store.retryNotification(created.id, a?.token ?? "", later(t, 10_000), "answered 503");
      const whileRetrying = await store.claimNotification(later(t, 5_000), LEASE);
      const retried = await store.claimNotification(later(t, 10_000), LEASE);
      await store.parkNotification(created.id, retried?.token ?? "", later(t, 10_000), "answered 410");
      const afterPark = await store.claimNotification(later(t, 10_000), LEASE);

      expect([a?.id, b?.id, none]).toEqual([created.id, otherDeployment.id, undefined]);
      expect(whileRetrying).toBeUndefined();
      expect([retried?.id, retried?.attempts]).toEqual([created.id, 2]);
      expect(afterPark?.id).toBe(started.id);
    });

    it("lets a running notification be claimed again only once its lease ran out, and ignores a stale token", async () => {
      const store = getStore();
      const t = earlierThanOtherTests();
      const n = notification(uniqueRepoId(), "succeeded");
      await store.queueNotifications([n], t);

      const first = await store.claimNotification(t, LEASE);
      const beforeExpiry = await store.claimNotification(later(t, LEASE - 1), LEASE);
      const takenOver = await store.claimNotification(later(t, LEASE), LEASE);
      const staleComplete = await store.completeNotification(n.id, first?.token ?? "", later(t, LEASE));
      const complete = await store.completeNotification(n.id, takenOver?.token ?? "", later(t, LEASE));

      expect(beforeExpiry).toBeUndefined();
      expect(takenOver).toMatchObject({ id: n.id, attempts: 2 });
      expect([staleComplete, complete]).toEqual([false, true]);
    });

    it("lists failing notifications newest first, requeues a parked one, and prunes delivered ones", async () => {
      const store = getStore();
      const t = earlierThanOtherTests();
      const repoId = uniqueRepoId();
      const parked = notification(repoId, "failed");
      const delivered = notification(repoId, "created", { deploymentId: repoId + 5 });
      await store.queueNotifications([parked, delivered], t);
      const claimedParked = await store.claimNotification(t, LEASE);
      await store.parkNotification(parked.id, claimedParked?.token ?? "", t, "answered 404 no_service");
      const claimedDelivered = await store.claimNotification(t, LEASE);
      await store.completeNotification(delivered.id, claimedDelivered?.token ?? "", t);

      const failing = (await store.listNotifications({ statuses: ["parked", "queued"], failedOnly: true, limit: 1000 })).filter(
        (n) => n.repoId === repoId,
      );
      const counted = await store.countNotifications();
      const requeued = await store.requeueNotification(parked.id, later(t, 1000));
      const requeuedAgain = await store.requeueNotification(parked.id, later(t, 1000));
      const queued = (await store.listNotifications({ statuses: ["queued"], limit: 1000 })).filter((n) => n.repoId === repoId);
      const pruned = await store.pruneNotifications(later(t, 1), 1000);
      const claimedAfterPrune = await store.claimNotification(later(t, 1000), LEASE);

      expect(failing).toEqual([
        {
          id: parked.id,
          owner: parked.owner,
          channel: "deploys",
          repoId,
          deploymentId: parked.deploymentId,
          event: "failed",
          status: "parked",
          attempts: 1,
          error: "answered 404 no_service",
          createdAt: t,
          nextAttemptAt: null,
          finishedAt: t,
        },
      ]);
      expect(counted).toEqual({ queued: expect.any(Number), running: expect.any(Number), parked: expect.any(Number) });
      expect(counted.parked).toBeGreaterThanOrEqual(1);
      expect([requeued, requeuedAgain]).toEqual([true, false]);
      expect(queued).toMatchObject([{ id: parked.id, attempts: 0, nextAttemptAt: later(t, 1000), finishedAt: null }]);
      expect(pruned).toBeGreaterThanOrEqual(1);
      expect(claimedAfterPrune?.id).toBe(parked.id);
      // The delivered one is gone, so queueing it again would queue it anew: pruning ends deduplication.
      expect(await store.queueNotifications([{ ...delivered, id: randomUUID() }], t)).toBe(1);
    });
  });
}
