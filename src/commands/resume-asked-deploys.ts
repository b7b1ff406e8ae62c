import type { DeployConfig } from "../config/model.js";
import { deployAsked } from "../deploy/deploy-asked.js";
import { recordDecision } from "../deploy/record-decision.js";
import type { RepoContext } from "../deploy/repo-context.js";
import { resolveActor } from "../deploy/resolve-actor.js";
import { shortSha } from "../domain/short-sha.js";
import type { PullRequestFacts } from "../engine/command-facts.js";
import { decideCommandDeploy, type CommandDecision, type CommandDeployInput } from "../engine/decide-command-deploy.js";
import { decideAskedDeploy } from "../engine/decide-hook-deploy.js";
import { resolveCommandTarget } from "../engine/resolve-command-target.js";
import { selectAdminTarget } from "../engine/select-admin-target.js";
import { selectHookTarget } from "../engine/select-hook-target.js";
import type { AskedDeployRecord } from "../store/asked-deploy-store.js";
import { answerComment } from "./answer-comment.js";
import { renderDeployReply } from "./render-deploy-reply.js";
import { sentence } from "./reply.js";

/**
 * Decides again the deploys commands, hooks, the admin API and the dashboard asked for that wait
 * on a commit for approvals, after an approval or a rejection of it was recorded. Each goes through
 * every gate again, as its asker: still short of approvals, it keeps waiting (nothing new is
 * said); otherwise it deploys once (its request's claim), or is refused — a rejection, a lock, a
 * moved pull request head — and forgotten. A deployment of the commit to the same environment
 * made while it waited (the auto-deploy, another request) fulfils it. A command's reply is edited
 * to say what became of it; the others' outcomes are decisions (`/why`, `/status`, the dashboard).
 * The pull request's requests for its earlier heads are decided again too: they end, as moved.
 */
export async function resumeAskedDeploys(deps: RepoContext, sha: string, pr: number | null): Promise<void> {
  const waiting = await listWaiting(deps, sha, pr);
  if (waiting.length === 0) return;
  const loaded = await deps.github.loadConfig();
  for (const asked of waiting) {
    // Every decision from here on answers the request that waited.
    const own: RepoContext = { ...deps, origin: asked.via };
    const decision =
      loaded.kind === "ok"
        ? await decideAgain(own, loaded.config, asked)
        : refuse(
            asked,
            "config_invalid",
            "The repository's .github/deploy.yml is missing or invalid; ask again once it is fixed.",
          );
    if (decision.action === "wait") continue;
    const fulfilled = await fulfilledMeanwhile(own, asked, decision);
    if (fulfilled !== undefined) {
      await tell(own, asked, sentence(fulfilled));
      continue;
    }
    const outcome = await deployAsked(own, decision, asked);
    // In flight or already deployed: another attempt at the same request (a concurrent approval) tells.
    if (outcome.kind === "in_flight" || outcome.kind === "already_deployed") continue;
    if (asked.asker.kind === "command") {
      await tell(own, asked, renderDeployReply(outcome, { author: asked.asker.login, repositoryUrl: asked.asker.repositoryUrl }));
    }
  }
}

/** What waits on the commit, and what the pull request asked for its earlier heads, oldest first. */
async function listWaiting(deps: RepoContext, sha: string, pr: number | null): Promise<AskedDeployRecord[]> {
  const onCommit = await deps.store.listAskedDeploys(deps.repo.id, sha);
  if (pr === null) return onCommit;
  const earlier = (await deps.store.listAskedDeploysByRepo(deps.repo.id)).filter((a) => a.pr === pr && a.sha !== sha);
  return [...earlier, ...onCommit];
}

/** The request's own decision again, with today's facts: its target, its asker's permission, locks, freezes, checks, approvals. */
async function decideAgain(deps: RepoContext, config: DeployConfig, asked: AskedDeployRecord): Promise<CommandDecision> {
  const { asker } = asked;
  if (asker.kind === "hook" || asker.kind === "admin") {
    const selection =
      asker.kind === "hook" ? selectHookTarget(config, asker.name, asked.target) : selectAdminTarget(config, asked.target);
    if ("refusal" in selection) return refuse(asked, selection.reason, selection.message);
    const commit = { ref: asked.ref, sha: asked.sha };
    return decideAskedDeploy({
      repo: deps.repo,
      target: selection.target,
      asker: asker.kind === "hook" ? { kind: "hook", name: asker.name } : { kind: "admin" },
      commit,
      image: asker.kind === "hook" ? (asker.image ?? undefined) : undefined,
      tag: asker.kind === "hook" ? (asker.tag ?? undefined) : undefined,
      state: await loadState(deps, commit.sha),
    });
  }

  const resolved = resolveCommandTarget(config, asked.target);
  if ("error" in resolved) {
    return refuse(asked, "target_removed", `${asked.target} is no longer a target in .github/deploy.yml; nothing was deployed.`);
  }
  const { target } = resolved;
  const actor = await resolveActor(deps.github, asker.login, target);
  let pr: PullRequestFacts | null = null;
  let commit = { ref: asked.ref, sha: asked.sha };
  if (asker.kind === "command" && asked.pr !== null) {
    const facts = await deps.github.getPullRequest(asked.pr);
    // A comment that deploys its pull request's head deploys the head it saw: a moved head ends it.
    const headMovedSinceComment = asker.followsHead && facts.headSha !== asked.sha;
    if (headMovedSinceComment) commit = { ref: facts.headRef, sha: facts.headSha };
    pr = { number: asked.pr, ...facts, open: facts.state === "open", headMovedSinceComment };
  }
  return decideCommandDeploy({
    repo: deps.repo,
    target,
    actor,
    pr,
    commit,
    force: asker.force,
    params: asker.kind === "command" ? asker.params : {},
    gates: "evaluate",
    state: await loadState(deps, commit.sha),
  });
}

async function loadState(deps: RepoContext, sha: string): Promise<CommandDeployInput["state"]> {
  const [checks, locks, approvals] = await Promise.all([
    deps.store.listChecks(deps.repo.id, sha),
    deps.store.listLocks(deps.repo.id, deps.now()),
    deps.store.listApprovals(deps.repo.id, sha),
  ]);
  return { checks, locks, now: deps.now(), approvals };
}

function refuse(
  asked: AskedDeployRecord,
  reason: Exclude<CommandDecision, { action: "deploy" | "wait" }>["reason"],
  message: string,
): CommandDecision {
  return { action: "refuse" as const, environment: asked.target, reason, message };
}

/**
 * The deployment of the commit to the decision's environment made after the request was asked —
 * by the auto-deploy that waited for the same approvals, or by a request that waited with it —
 * as this request's outcome, recorded: it is not deployed again. Returns the decision's sentence.
 */
async function fulfilledMeanwhile(
  deps: RepoContext,
  asked: AskedDeployRecord,
  decision: CommandDecision,
): Promise<string | undefined> {
  if (decision.action !== "deploy") return undefined;
  const { environment } = decision;
  const deployments = await deps.store.listDeploymentsOfCommits(deps.repo.id, [asked.sha]);
  const made = deployments.find((d) => d.environment === environment && d.id > (asked.deployedBefore ?? 0));
  if (made === undefined) return undefined;
  const { target, ref, sha, pr, via } = asked;
  const message = `${shortSha(sha)} went to ${environment} while this request waited (deployment ${made.id}); it is not deployed again.`;
  await recordDecision(deps, { target, ref, sha, pr, reason: "already_deployed", message });
  await deps.store.deleteAskedDeploy(deps.repo.id, via);
  return message;
}

/** A command hears what became of it in its reply, edited; the others read the decision (`/why`, `/status`, the dashboard). */
async function tell(deps: RepoContext, asked: AskedDeployRecord, reply: string): Promise<void> {
  const { asker } = asked;
  if (asker.kind !== "command" || asked.pr === null) return;
  await answerComment(deps, { id: asker.commentId, pr: asked.pr }, reply);
}
