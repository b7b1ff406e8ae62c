import { randomBytes } from "node:crypto";
import type { BenchContext } from "./app-under-test.js";
import type { PreparedBackend } from "./backends.js";
import { sleep } from "./child-process.js";
import { startNotificationReceiver } from "./notification-receiver.js";
import { createIdSource, notificationStream } from "./notification-stream.js";
import { startNotifyArm, type ArmKind, type NotifyArm, type PhaseFigures } from "./notify-arm.js";
import { median, summariseNotifications, type NotificationFigures } from "./summarise-notifications.js";
import { tallyNotifications } from "./tally-notifications.js";

/** The notification measure's figures, or why there are none. */
export type NotificationOutcome =
  { readonly kind: "measured"; readonly figures: NotificationFigures } | { readonly kind: "skipped"; readonly reason: string };

/** Senders poll every second: a duplicate would come within this. */
const DUPLICATE_GRACE_MS = 1_500;

/**
 * Two app processes side by side, each on a fresh store from `prepareStore`: one without a
 * channel, one with. Both are warmed up; then `notifyRounds` rounds, each one burst (the same
 * webhooks) sent to one arm then the other, the order alternating (off, on, then on, off…), so
 * that each round's ratio compares two batches measured back to back. Then the arm with the
 * channel gets the paced phase, half of it deployment webhooks, at a third of the processing rate
 * the arm without reached on the bursts: a load it keeps up with, for latency. Every notification must arrive once: the tally says what did not.
 */
export async function measureNotifications(
  context: BenchContext,
  prepareStore: () => Promise<PreparedBackend>,
  progress: (line: string) => void,
): Promise<NotificationOutcome> {
  const { settings } = context;
  const receiver = await startNotificationReceiver();
  const env = { NOTIFY_KEY: randomBytes(32).toString("hex"), ADMIN_TOKEN: randomBytes(32).toString("hex") };
  const ids = createIdSource(700_000_000);
  // A deployment's webhooks stand apart by more than the connections in flight, so each is usually
  // answered before the next is sent; at the paced phase's low rate that takes fewer places.
  const stream = (background: number, deployments: number, gap = 4 * settings.concurrency) =>
    notificationStream({ background, deployments, gap }, context.random, ids);
  const stores: PreparedBackend[] = [];
  const started: NotifyArm[] = [];
  try {
    const arms: Partial<Record<ArmKind, NotifyArm>> = {};
    for (const kind of ["off", "on"] as const) {
      const backend = await prepareStore();
      stores.push(backend);
      const arm = await startNotifyArm(context, { kind, backend, receiver, env });
      if (typeof arm === "string") return { kind: "skipped", reason: arm };
      started.push(arm);
      arms[kind] = arm;
    }
    const { off, on } = arms;
    if (off === undefined || on === undefined) throw new Error("an arm did not start");
    for (const arm of started) await arm.run(stream(settings.notifyWarmup, 4), "warm-up");

    const rounds: Record<ArmKind, PhaseFigures>[] = [];
    for (let round = 0; round < settings.notifyRounds; round += 1) {
      const burst = stream(settings.notifyEvents - 4 * settings.notifyDeployments, settings.notifyDeployments);
      const figures: Partial<Record<ArmKind, PhaseFigures>> = {};
      for (const arm of round % 2 === 0 ? [off, on] : [on, off]) figures[arm.kind] = await arm.run(burst, "burst");
      if (figures.off === undefined || figures.on === undefined) throw new Error("a round ran without both arms");
      rounds.push({ off: figures.off, on: figures.on });
      progress(
        `  notifications round ${round + 1}: processed ${figures.off.processingRate.toFixed(0)}/s without, ` +
          `${figures.on.processingRate.toFixed(0)}/s with; notifications so far ${receiver.received.length} of ${on.expected.length}`,
      );
    }
    const pacedRate = median(rounds.map((r) => r.off.processingRate)) / 3;
    const deployments = settings.notifyPacedDeployments;
    const paced = await on.run(stream(4 * deployments, deployments, settings.concurrency), "paced", pacedRate);
    await sleep(DUPLICATE_GRACE_MS);
    const tally = tallyNotifications(on.expected, receiver.received, on.secret);
    return { kind: "measured", figures: summariseNotifications(context, rounds, { paced, pacedRate, tally }) };
  } finally {
    for (const arm of started) await arm.stop();
    await receiver.stop();
    for (const store of stores) await store.dispose();
  }
}
