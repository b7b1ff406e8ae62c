import type { ApplicationFunctionOptions, Probot } from "probot";
import type { Registry } from "prom-client";
import type { OpenRepoContext } from "../deploy/repo-context.js";
import { createRateLimiter, type RateLimiter } from "../hooks/create-rate-limiter.js";
import { createHookCounters, type HookCounters } from "../hooks/hook-counters.js";
import type { ChannelSealer } from "../notify/seal-channel.js";
import type { Store } from "../store/store.js";
import { isAdminTokenUsable, MIN_ADMIN_TOKEN_LENGTH } from "./admin-auth.js";
import { createAdminDeployRoute } from "./admin-deploy-route.js";
import { createAdminEventsRoute } from "./admin-events-route.js";
import { createAdminHooksRoute } from "./admin-hooks-route.js";
import { createAdminNotifyRoute } from "./admin-notify-route.js";
import { createAdminPromoteRoute } from "./admin-promote-route.js";
import type { FindRepository } from "./admin-route.js";
import { createDeployHookRoute } from "./deploy-hook-route.js";
import { createHealthz } from "./healthz.js";
import { createMetricsRoute } from "./metrics-route.js";

/** What the routes run on. */
export interface RouteParts {
  readonly store: Store;
  readonly now: () => Date;
  /** The context of work on a repository (hook and admin deploys). */
  readonly openRepo: OpenRepoContext;
  /** Finds the app's installation on a repository by its name (admin API). */
  readonly findRepository: FindRepository;
  /** Wakes the workers after a parked delivery was queued again. */
  readonly onQueued?: () => void;
  /** Wakes the notification sender after a parked notification was queued again. */
  readonly onNotificationQueued?: () => void;
  /** Seals notification channels (from `NOTIFY_KEY`); absent: `/admin/notify` cannot add or test one (503). */
  readonly sealer?: ChannelSealer;
  /** What `/metrics` serves (when `METRICS_TOKEN` turns it on). */
  readonly metricsRegistry: Registry;
}

/** The in-memory state of the hook endpoint: its rate limits and the counts of rejected requests. */
export interface HookRuntime {
  readonly limiter: RateLimiter;
  readonly counters: HookCounters;
}

/** A hook may make 10 requests at once, then one every 6 s (10 a minute). */
export function createHookRuntime(parts: Pick<RouteParts, "now">): HookRuntime {
  return {
    limiter: createRateLimiter({ capacity: 10, refillEveryMs: 6_000, now: () => parts.now().getTime() }),
    counters: createHookCounters(),
  };
}

/**
 * The environment the routes read: `ADMIN_TOKEN` turns the admin API on, `PUBLIC_URL` is the base
 * of hook URLs, `METRICS_TOKEN` turns `/metrics` on.
 */
export type AdminEnv = Readonly<Record<string, string | undefined>>;

/**
 * Registers the HTTP routes beside Probot's webhook path: `/healthz`, the deploy hooks, when
 * `ADMIN_TOKEN` is set the admin API (`/admin/hooks`, `/admin/events`, `/admin/deploy`,
 * `/admin/promote`, `/admin/notify`), and when `METRICS_TOKEN` is set `/metrics`. A hook's GitHub calls are made as
 * the installation stored with it.
 */
export function registerRoutes(
  app: Probot,
  addHandler: ApplicationFunctionOptions["addHandler"],
  parts: RouteParts,
  hooks: HookRuntime = createHookRuntime(parts),
  env: AdminEnv = process.env,
): HookRuntime {
  addHandler(createHealthz(parts.store));
  const adminLog = app.log.child({ name: "admin" });
  if (env.ADMIN_TOKEN !== undefined && !isAdminTokenUsable(env.ADMIN_TOKEN)) {
    adminLog.warn(`ADMIN_TOKEN is shorter than ${MIN_ADMIN_TOKEN_LENGTH} characters: the admin API stays off`);
  }
  const metricsLog = app.log.child({ name: "metrics" });
  if (env.METRICS_TOKEN !== undefined && !isAdminTokenUsable(env.METRICS_TOKEN)) {
    metricsLog.warn(`METRICS_TOKEN is shorter than ${MIN_ADMIN_TOKEN_LENGTH} characters: /metrics stays off`);
  }
  addHandler(createMetricsRoute({ registry: parts.metricsRegistry, token: env.METRICS_TOKEN, log: metricsLog }));
  addHandler(createAdminHooksRoute({ ...parts, log: adminLog, adminToken: env.ADMIN_TOKEN, publicUrl: env.PUBLIC_URL }));
  addHandler(createAdminEventsRoute({ ...parts, log: adminLog, adminToken: env.ADMIN_TOKEN, onQueued: parts.onQueued }));
  addHandler(createAdminDeployRoute({ ...parts, log: adminLog, adminToken: env.ADMIN_TOKEN }));
  addHandler(createAdminPromoteRoute({ ...parts, log: adminLog, adminToken: env.ADMIN_TOKEN }));
  addHandler(createAdminNotifyRoute({ ...parts, log: adminLog, adminToken: env.ADMIN_TOKEN, sealer: parts.sealer }));
  addHandler(createDeployHookRoute({ ...parts, ...hooks, log: app.log.child({ name: "deploy-hooks" }) }));
  return hooks;
}
