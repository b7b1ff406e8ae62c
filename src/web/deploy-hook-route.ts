import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "probot";
import type { OpenRepoContext } from "../deploy/repo-context.js";
import type { RateLimiter } from "../hooks/create-rate-limiter.js";
import { handleHookDeploy } from "../hooks/handle-hook-deploy.js";
import type { HookCounters } from "../hooks/hook-counters.js";
import { readRequestId } from "../hooks/hook-request-id.js";
import { hookResponse } from "../hooks/hook-response.js";
import type { HookStore } from "../store/hook-store.js";
import { admitHookRequest } from "./admit-hook-request.js";
import { readHookSecret } from "./read-hook-secret.js";
import { sendJson } from "./send-json.js";

/** What the hook endpoint runs with. */
export interface DeployHookRouteOptions {
  readonly store: HookStore;
  readonly log: Logger;
  readonly limiter: RateLimiter;
  readonly counters: HookCounters;
  /** The context of work on a repository; a hook's uses the installation stored with the hook. */
  readonly openRepo: OpenRepoContext;
}

/**
 * `POST /hooks/deploy/<hook-id>[/<target>]`: lets another system (Docker Hub, a CI) deploy through
 * a hook. A request turned away leaves nothing but a count; one let in is deployed through the
 * gates by `handleHookDeploy`. Only HTTP lives here.
 */
export function createDeployHookRoute(options: DeployHookRouteOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (!url.pathname.startsWith("/hooks/deploy/")) return false;
    // First, whatever the method: the access log must not print a `?token=`.
    const secret = readHookSecret(req, url);
    const admission = await admitHookRequest(req, url.pathname, secret, options);
    if (!admission.ok) {
      options.counters.rejected[admission.rejection] += 1;
      sendJson(res, admission.response);
      return true;
    }

    const { hook, request, target, body } = admission;
    const requestId = readRequestId({ delivery: header(req, "x-hook-delivery"), requestId: header(req, "x-request-id") });
    const log = options.log.child({ hook: hook.id, repo: `${hook.owner}/${hook.repo}` });
    try {
      const repo = { id: hook.repoId, owner: hook.owner, name: hook.repo };
      const deps = await options.openRepo({ repo, installationId: hook.installationId }, { log, origin: null });
      sendJson(res, await handleHookDeploy(deps, { hook, request, target, requestId, body }));
    } catch (error) {
      // GitHub or the store failed; the answer says which side, the log has the error (never the request).
      log.error({ err: error }, "hook deploy failed");
      const fromGitHub = typeof (error as { status?: unknown }).status === "number";
      sendJson(res, hookResponse(fromGitHub ? 502 : 500, { error: fromGitHub ? "github_error" : "internal error" }));
    }
    return true;
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
