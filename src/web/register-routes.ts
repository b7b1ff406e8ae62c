import type { ApplicationFunctionOptions, Probot } from "probot";
import type { AppParts } from "../app.js";

/** What the routes run on: the app's parts, and how to wake the workers after queueing a delivery. */
export type RouteParts = AppParts & { readonly onQueued?: () => void };
import { createGitHubPort } from "../github/github-port.js";
import { createRateLimiter, type RateLimiter } from "../hooks/create-rate-limiter.js";
import { createHookCounters, type HookCounters } from "../hooks/hook-counters.js";
import { isAdminTokenUsable, MIN_ADMIN_TOKEN_LENGTH } from "./admin-auth.js";
import { createAdminEventsRoute } from "./admin-events-route.js";
import { createAdminDeployRoute } from "./admin-deploy-route.js";
import { createAdminHooksRoute, type InstalledRepository } from "./admin-hooks-route.js";
import { createDeployHookRoute } from "./deploy-hook-route.js";
import { createHealthz } from "./healthz.js";

/** The in-memory state of the hook endpoint: its rate limits and the counts of rejected requests. */
export interface HookRuntime {
  readonly limiter: RateLimiter;
  readonly counters: HookCounters;
}

/** A hook may make 10 requests at once, then one every 6 s (10 a minute). */
export function createHookRuntime(parts: Pick<AppParts, "now">): HookRuntime {
  return {
    limiter: createRateLimiter({ capacity: 10, refillEveryMs: 6_000, now: () => parts.now().getTime() }),
    counters: createHookCounters(),
  };
}

/** The environment the admin API reads: `ADMIN_TOKEN` turns it on, `PUBLIC_URL` is the base of hook URLs. */
export type AdminEnv = Readonly<Record<string, string | undefined>>;

/**
 * Registers the HTTP routes beside Probot's webhook path: `/healthz`, the deploy hooks and, when
 * `ADMIN_TOKEN` is set, the admin API (`/admin/hooks`, `/admin/events`, `/admin/deploy`). A hook's GitHub calls are
 * made as the installation stored with it, like the retry sweep's.
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
  const findRepository = async (owner: string, repo: string): Promise<InstalledRepository> => {
    // The installation is found with the app's JWT, the repository's id with the installation's token.
    const { data: installation } = await (await app.auth()).rest.apps.getRepoInstallation({ owner, repo });
    const { data } = await (await app.auth(installation.id)).rest.repos.get({ owner, repo });
    return { repoId: data.id, owner: data.owner.login, repo: data.name, installationId: installation.id };
  };
  addHandler(
    createAdminHooksRoute({ ...parts, log: adminLog, adminToken: env.ADMIN_TOKEN, publicUrl: env.PUBLIC_URL, findRepository }),
  );
  addHandler(createAdminEventsRoute({ ...parts, log: adminLog, adminToken: env.ADMIN_TOKEN, onQueued: parts.onQueued }));
  addHandler(
    createAdminDeployRoute({
      ...parts,
      log: adminLog,
      adminToken: env.ADMIN_TOKEN,
      findRepository,
      github: async (found) => {
        const repo = { id: found.repoId, owner: found.owner, name: found.repo };
        return createGitHubPort(await app.auth(found.installationId), repo, parts.caches);
      },
    }),
  );
  addHandler(
    createDeployHookRoute({
      ...parts,
      ...hooks,
      log: app.log.child({ name: "deploy-hooks" }),
      github: async (hook) => {
        const repo = { id: hook.repoId, owner: hook.owner, name: hook.repo };
        return createGitHubPort(await app.auth(hook.installationId), repo, parts.caches);
      },
    }),
  );
  return hooks;
}
