import type { RepoContext } from "../deploy/repo-context.js";
import type { CheckRecord } from "../domain/checks.js";
import { CONFIG_CHECK_NAME } from "./config-check.js";
import { processCommit } from "./process-commit.js";

/**
 * A status or check run: remember its newest state (from the payload, no API call), then
 * re-evaluate the deploys waiting on that commit. Our own config check is not a CI signal.
 */
export async function handleCheck(deps: RepoContext, check: CheckRecord): Promise<void> {
  if (check.source === "check_run" && check.context === CONFIG_CHECK_NAME) return;
  await deps.store.recordCheck(check);
  await processCommit(deps, check.sha);
}
