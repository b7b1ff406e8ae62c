import type { ApplicationFunctionOptions, Probot } from "probot";
import type { AppParts } from "../app.js";
import { createGitHubPort } from "../github/github-port.js";
import { createRateLimiter, type RateLimiter } from "../hooks/create-rate-limiter.js";
import { createHookCounters, type HookCounters } from "../hooks/hook-counters.js";
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

/**
 * Registers the HTTP routes beside Probot's webhook path: `/healthz` and the deploy hooks. A hook's
 * GitHub calls are made as the installation stored with it, like the retry sweep's.
 */
export function registerRoutes(
  app: Probot,
  addHandler: ApplicationFunctionOptions["addHandler"],
  parts: AppParts,
  hooks: HookRuntime = createHookRuntime(parts),
): HookRuntime {
  addHandler(createHealthz(parts.store));
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
