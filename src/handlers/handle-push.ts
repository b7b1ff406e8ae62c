import { CONFIG_PATH } from "../github/load-config.js";
import { reportConfigCheck } from "./config-check.js";
import type { HandlerDeps } from "./handler-deps.js";
import { handleTrigger } from "./handle-trigger.js";

/** A push as the handlers need it; all of it comes from the payload. */
export interface PushFacts {
  readonly ref: string;
  readonly sha: string;
  readonly deleted: boolean;
  /** Files added, modified or removed by the pushed commits (GitHub lists at most 20 commits). */
  readonly changedFiles: readonly string[];
  /** True when the push went to the repository's default branch. */
  readonly toDefaultBranch: boolean;
}

/** A push: report on a changed configuration, then auto-deploy the matching targets. */
export async function handlePush(deps: HandlerDeps, push: PushFacts): Promise<void> {
  if (push.deleted) {
    deps.log.debug({ ref: push.ref }, "ref deleted; nothing to deploy");
    return;
  }
  if (push.changedFiles.includes(CONFIG_PATH)) {
    if (push.toDefaultBranch) deps.github.forgetConfig();
    await reportConfigCheck(deps, push.sha);
  }
  await handleTrigger(deps, { kind: "push", ref: push.ref, sha: push.sha });
}
