import type { Context } from "probot";
import type { AppParts } from "./app.js";
import { createGitHubPort } from "./github/github-port.js";
import { readRepo } from "./github/read-repo.js";
import type { HandlerDeps } from "./handlers/handler-deps.js";

/** The webhook events Deliverybot handles. */
export type HandledEvent =
  "push" | "pull_request" | "issue_comment" | "status" | "check_run" | "check_suite" | "deployment" | "deployment_status";

/**
 * Runs one delivery once (by `X-GitHub-Delivery`): events without an installation or repository
 * are ignored, a duplicate is skipped, a failure is recorded and rethrown so GitHub shows it and
 * a redelivery processes it again.
 */
export async function processDelivery<E extends HandledEvent>(
  parts: AppParts,
  context: Context<E>,
  work: (deps: HandlerDeps) => Promise<void>,
): Promise<void> {
  const { installation, repository } = context.payload as {
    installation?: { id: number };
    repository?: Parameters<typeof readRepo>[0];
  };
  if (installation === undefined || repository === undefined) {
    context.log.debug({ event: context.name }, "event without installation or repository; ignored");
    return;
  }
  const action = (context.payload as { action?: string }).action ?? null;
  if ((await parts.store.beginDelivery(context.id, context.name, action)) === "duplicate") {
    context.log.info({ delivery: context.id }, "duplicate delivery ignored");
    return;
  }
  const repo = readRepo(repository);
  const deps: HandlerDeps = {
    store: parts.store,
    github: createGitHubPort(context.octokit, repo, parts.caches),
    log: context.log,
    now: parts.now,
    repo,
    installationId: installation.id,
    deliveryId: context.id,
  };
  try {
    await work(deps);
    await parts.store.finishDelivery(context.id, "done");
  } catch (error) {
    await parts.store.finishDelivery(context.id, "failed", error instanceof Error ? error.message : String(error));
    throw error;
  }
}
