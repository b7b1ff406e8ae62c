import { startApp, type BenchContext, type RunningApp } from "./app-under-test.js";
import type { PreparedBackend } from "./backends.js";
import { NOTIFIED } from "./bench-repos.js";
import { sleep } from "./child-process.js";
import { cpuMsByProcessNamed, cpuMsSince, processCpuMs } from "./cpu-time.js";
import type { NotificationReceiver } from "./notification-receiver.js";
import type { NotificationStream } from "./notification-stream.js";
import { checkNotifyApi, registerChannel } from "./register-channel.js";
import { nowMs } from "./send-webhooks.js";
import { sendStream, type StreamTimes } from "./send-stream.js";
import { p50p99 } from "./stats.js";
import type { TimedExpectation } from "./tally-notifications.js";
import { waitForDrain } from "./wait-for-drain.js";
import { signEvent } from "../test/helpers/webhook-events.js";

/** Without a channel (`off`) or with one, and `notifications` naming it in the configs (`on`). */
export type ArmKind = "off" | "on";

/** What one phase of webhooks measured on one arm. */
export interface PhaseFigures {
  readonly events: number;
  /** Webhooks answered per second, and the p99 of their answers. */
  readonly ackRate: number;
  readonly ackP99Ms: number;
  /** Webhooks processed per second: from the first request until the delivery queue was empty. */
  readonly processingRate: number;
  /** CPU time (user + system) per webhook over the same span, in µs: the app process, and the PostgreSQL server's processes. */
  readonly cpuUs: number;
  readonly databaseCpuUs?: number;
  /** The same for this process: the load generator, the fake GitHub and the receiver share it. */
  readonly benchCpuUs: number;
  /** Answers other than 2xx. */
  readonly failed: number;
  /** `deployment` and `deployment_status` webhooks among them. */
  readonly deploymentWebhooks: number;
  /** `on`: from the queue running empty to the phase's last notification arriving (0 when none came later). */
  readonly notifyLagMs: number;
  /** From the first request until the phase's notifications had arrived (epoch ms): its window in the fake GitHub's log. */
  readonly window: readonly [number, number];
}

/** One app process on its own fresh store, with or without the channel. */
export interface NotifyArm {
  readonly kind: ArmKind;
  /** `on`: the channel's secret, that notifications are signed with. */
  readonly secret?: string;
  /** The notifications its phases were worth so far, timed by the webhook that asked for each. */
  readonly expected: readonly TimedExpectation[];
  /**
   * Sends a stream (as fast as answered, or at `ratePerS`), waits until the queue is empty and
   * every notification expected so far arrived (at most {@link ARRIVAL_TIMEOUT_MS}), and measures it.
   */
  run(stream: NotificationStream, phase: TimedExpectation["phase"], ratePerS?: number): Promise<PhaseFigures>;
  stop(): Promise<void>;
}

/** How long to wait for notifications once the queue is empty. */
const ARRIVAL_TIMEOUT_MS = 60_000;

/**
 * Starts the app on `backend` (a fresh store) with `env` (`NOTIFY_KEY`, `ADMIN_TOKEN`: both arms
 * run with them) and, for `on`, registers the channel for the notified repositories' owner at the
 * receiver. Resolves with a reason instead when the app has no `/admin/notify`.
 */
export async function startNotifyArm(
  context: BenchContext,
  setup: {
    readonly kind: ArmKind;
    readonly backend: PreparedBackend;
    readonly receiver: NotificationReceiver;
    readonly env: { readonly NOTIFY_KEY: string; readonly ADMIN_TOKEN: string };
  },
): Promise<NotifyArm | string> {
  const app = await startApp(context, setup.backend, setup.env);
  let secret: string | undefined;
  try {
    const unavailable = await checkNotifyApi(app.process.url, setup.env.ADMIN_TOKEN);
    if (unavailable !== undefined) throw new Unavailable(unavailable);
    if (setup.kind === "on") {
      const owner = NOTIFIED[0]?.owner ?? "";
      const registration = await registerChannel(app.process.url, setup.env.ADMIN_TOKEN, owner, setup.receiver.url);
      if ("unavailable" in registration) throw new Unavailable(registration.unavailable);
      secret = registration.secret;
    }
  } catch (error) {
    await app.process.stop();
    if (error instanceof Unavailable) return error.message;
    throw error;
  }
  const expected: TimedExpectation[] = [];
  const withDatabase = setup.backend.name === "postgres";
  return {
    kind: setup.kind,
    expected,
    ...(secret === undefined ? {} : { secret }),
    async run(stream, phase, ratePerS) {
      const from = setup.receiver.received.length;
      const cpuBefore = cpuNow(app, withDatabase);
      const benchBefore = process.cpuUsage();
      const times = await sendPhase(context, app, stream, ratePerS);
      const drained = await waitForDrain(app.process.url, context.github);
      const cpuAfter = cpuNow(app, withDatabase);
      const bench = process.cpuUsage(benchBefore);
      if (setup.kind === "on") expected.push(...timeExpectations(stream, times, phase));
      await waitForArrivals(setup.receiver, expected.length);
      const lastArrival = Math.max(0, ...setup.receiver.received.slice(from).map((r) => r.at));
      const events = stream.webhooks.length;
      const start = Math.min(...times.sentAt);
      const perWebhookUs = (ms: number) => (ms * 1000) / events;
      return {
        events,
        ackRate: (events / times.wallMs) * 1000,
        ackP99Ms: p50p99(times.answeredAt.map((at, index) => at - (times.sentAt[index] ?? at))).p99,
        processingRate: (events / (drained.at - start)) * 1000,
        cpuUs: perWebhookUs(cpuAfter.app - cpuBefore.app),
        ...(withDatabase ? { databaseCpuUs: perWebhookUs(cpuMsSince(cpuBefore.database, cpuAfter.database)) } : {}),
        benchCpuUs: (bench.user + bench.system) / events,
        failed: times.statuses.filter((status) => status < 200 || status > 299).length,
        deploymentWebhooks: stream.webhooks.filter((w) => w.event.name.startsWith("deployment")).length,
        notifyLagMs: Math.max(0, lastArrival - drained.at),
        window: [start, nowMs()],
      };
    },
    stop: () => app.process.stop(),
  };
}

/** The app answered that it has no notifications: the measure is skipped, not failed. */
class Unavailable extends Error {}

/** CPU time used so far (ms): the app process, and with PostgreSQL that of its server's processes on this machine, by pid. */
function cpuNow(app: RunningApp, withDatabase: boolean): { app: number; database: ReadonlyMap<number, number> } {
  return { app: processCpuMs(app.process.pid), database: withDatabase ? cpuMsByProcessNamed("postgres") : new Map() };
}

function sendPhase(context: BenchContext, app: RunningApp, stream: NotificationStream, ratePerS?: number): Promise<StreamTimes> {
  const signed = stream.webhooks.map((w) => signEvent(context.secret, w.event));
  const after = stream.webhooks.map((w) => w.after);
  const options = { url: app.webhookUrl, concurrency: context.settings.concurrency, after };
  return sendStream(signed, ratePerS === undefined ? options : { ...options, ratePerS });
}

function timeExpectations(stream: NotificationStream, times: StreamTimes, phase: TimedExpectation["phase"]): TimedExpectation[] {
  return stream.expected.map((e) => ({
    ...e,
    sentAt: times.sentAt[e.cause] ?? NaN,
    answeredAt: times.answeredAt[e.cause] ?? NaN,
    phase,
  }));
}

/** Waits until the receiver got `count` requests, at most {@link ARRIVAL_TIMEOUT_MS}. */
async function waitForArrivals(receiver: NotificationReceiver, count: number): Promise<void> {
  const deadline = nowMs() + ARRIVAL_TIMEOUT_MS;
  while (receiver.received.length < count && nowMs() < deadline) await sleep(10);
}
