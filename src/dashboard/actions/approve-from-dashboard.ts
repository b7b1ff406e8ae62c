import { giveVerdict } from "../../commands/give-verdict.js";
import type { RepoContext } from "../../deploy/repo-context.js";
import type { ActionResult } from "./action-result.js";
import { loadDashboardTarget } from "./load-dashboard-config.js";
import { isFullSha } from "../../domain/full-sha.js";

/** An approval or rejection given with the dashboard's buttons on a row that waits for approval. */
export interface DashboardVerdict {
  /** The signed-in user: who approves or rejects. */
  readonly login: string;
  readonly target: string;
  /** The commit, as its full SHA. */
  readonly sha: string;
  readonly verdict: "approved" | "rejected";
  /** A rejection's reason; null for an approval or when none was given. */
  readonly reason: string | null;
  /** The pull request the row named when the page was made; null when none. */
  readonly pr: number | null;
}

/**
 * Approves or rejects a commit for a target from the dashboard, through the one path of
 * `/approve` and `/reject` ({@link giveVerdict}): the target from the default branch's
 * configuration (it must have `approvals`), the user's right to approve, and self-approval checked
 * against the author of the commit's pull request when one is known.
 */
export async function approveFromDashboard(deps: RepoContext, asked: DashboardVerdict): Promise<ActionResult> {
  if (!isFullSha(asked.sha)) {
    return { kind: "refused", reason: "invalid_command", message: "The form names no commit; reload the page and try again." };
  }
  const loaded = await loadDashboardTarget(deps, asked.target);
  if ("refused" in loaded) return loaded.refused;
  const { target } = loaded;
  if (target.approvals === undefined) {
    const message = `${target.name} needs no approvals: its \`approvals\` are not set.`;
    return { kind: "refused", reason: "invalid_command", message };
  }

  const sha = asked.sha.toLowerCase();
  const number = (await findPullRequest(deps, target.name, sha)) ?? asked.pr;
  const pr = number === null ? null : { number, author: (await deps.github.getPullRequest(number)).author };
  const { login, verdict, reason } = asked;
  const result = await giveVerdict(deps, { target, rule: target.approvals, sha, login, verdict, reason, pr });
  if (result.kind === "refused") return result;
  return { kind: "done", message: result.message };
}

/**
 * The pull request of what waits on the commit, as the store knows it: the form's own is only a
 * fallback, since a form without one must not let a pull request's author approve it.
 */
async function findPullRequest(deps: RepoContext, target: string, sha: string): Promise<number | null> {
  const { store, repo } = deps;
  const [pending, asked, held] = await Promise.all([
    store.listPendingBySha(repo.id, sha),
    store.listAskedDeploys(repo.id, sha),
    store.listProtectionRequests(repo.id, sha),
  ]);
  const mine = [...pending, ...asked].filter((deploy) => deploy.target.toLowerCase() === target.toLowerCase());
  return [...mine, ...held].find((waiting) => waiting.pr !== null)?.pr ?? null;
}
