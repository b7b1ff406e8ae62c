import { join } from "node:path";
import type { FakeGitHub } from "../test/fake-github/fake-github-server.js";
import type { PreparedBackend } from "./backends.js";
import type { BenchSettings } from "./bench-settings.js";
import { startServer, type ServerProcess } from "./child-process.js";
import type { Random } from "../test/helpers/seeded-random.js";
import { sendWebhook, sendWebhooks, type SendResult } from "./send-webhooks.js";
import { signEvent, type WebhookEvent } from "../test/helpers/webhook-events.js";

/** What every measure shares: the fake GitHub, the app's credentials, a scratch directory. */
export interface BenchContext {
  readonly github: FakeGitHub;
  readonly secret: string;
  readonly privateKey: string;
  readonly workDir: string;
  readonly settings: BenchSettings;
  readonly random: Random;
}

/** The app running as its own process, and how many webhooks it has been sent. */
export interface RunningApp {
  readonly process: ServerProcess;
  readonly webhookUrl: string;
  readonly sent: number;
  /** Signs and sends the events, `concurrency` at a time, over keep-alive connections. */
  send(events: readonly WebhookEvent[]): Promise<SendResult>;
  /** Signs and sends one event on a new connection; resolves with the HTTP status. */
  sendOne(event: WebhookEvent): Promise<number>;
}

/** Where Probot receives webhooks by default. */
const WEBHOOK_PATH = "/api/github/webhooks";

/**
 * Starts `node lib/main.js` as production would, on the given store, talking to the fake
 * GitHub (`GHE_HOST`, `GHE_PROTOCOL=http`), with only the variables set here (and `extraEnv`, e.g.
 * `NOTIFY_KEY`): no `.env`, no Redis.
 */
export async function startApp(
  context: BenchContext,
  backend: PreparedBackend,
  extraEnv: Readonly<Record<string, string>> = {},
): Promise<RunningApp> {
  const process_ = await startServer({
    script: context.settings.appScript,
    cwd: context.workDir,
    env: {
      PATH: process.env["PATH"] ?? "/usr/bin:/bin",
      HOME: context.workDir,
      NODE_ENV: "production",
      APP_ID: "1",
      PRIVATE_KEY: context.privateKey,
      WEBHOOK_SECRET: context.secret,
      GHE_HOST: context.github.host,
      GHE_PROTOCOL: "http",
      LOG_LEVEL: "warn",
      HOST: "127.0.0.1",
      ...backend.env,
      ...extraEnv,
    },
    readyPath: "/healthz",
    logFile: join(context.workDir, `app-${backend.name}.log`),
    timeoutMs: 120_000,
  });
  const webhookUrl = `${process_.url}${WEBHOOK_PATH}`;
  let sent = 0;
  return {
    process: process_,
    webhookUrl,
    get sent() {
      return sent;
    },
    send(events) {
      sent += events.length;
      const signed = events.map((event) => signEvent(context.secret, event));
      return sendWebhooks(signed, { url: webhookUrl, concurrency: context.settings.concurrency });
    },
    sendOne(event) {
      sent += 1;
      return sendWebhook(webhookUrl, signEvent(context.secret, event));
    },
  };
}
