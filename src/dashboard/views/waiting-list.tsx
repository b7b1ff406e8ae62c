import type { ApprovalFact } from "../../domain/approvals.js";
import type { DecisionRecord } from "../../store/decision-store.js";
import { describeAsker } from "../../domain/asker.js";
import type { AskedDeployRecord } from "../../store/asked-deploy-store.js";
import type { PendingRecord } from "../../store/pending-store.js";
import type { ProtectionRequestRecord } from "../../store/protection-request-store.js";
import { ApproveForm, RejectForm } from "./action-forms.js";
import { CommitLink, TimeAgo } from "./components.js";

/** Who approved a commit that waits for approval, for the target it waits on. */
export interface WaitingApproval {
  readonly target: string;
  /** Each approver's standing approval, oldest first. */
  readonly approved: readonly ApprovalFact[];
}

/** A deploy waiting for its gates, with the latest decision about it (why it waits). */
export interface WaitingDeploy {
  readonly pending: PendingRecord;
  readonly why: DecisionRecord | undefined;
  /** Set when it waits for approval (`waiting_for_approval`). */
  readonly approval?: WaitingApproval;
}

/** A deploy somebody asked for, waiting for its target's approvals, with who approved so far. */
export interface WaitingAsk {
  readonly ask: AskedDeployRecord;
  readonly approval: WaitingApproval;
}

/** A workflow job whose protection rule request Deliverybot holds (with why, once told). */
export interface HeldJob extends ProtectionRequestRecord {
  /** Set when it waits for approval (`waiting_for_approval`) and the target it waits on is known. */
  readonly approval?: WaitingApproval;
}

/**
 * The Waiting list: deploys waiting for their gates, deploys asked for that wait for approvals, and
 * held jobs, each with why, and the approval forms of those waiting for approval.
 */
export function WaitingList(props: {
  readonly waiting: readonly WaitingDeploy[];
  readonly asked: readonly WaitingAsk[];
  readonly heldJobs: readonly HeldJob[];
  readonly repoUrl: string;
  readonly base: string;
  readonly csrf: string;
  readonly now: Date;
}) {
  const { repoUrl, base } = props;
  const approvalBox = (approval: WaitingApproval | undefined, sha: string, pr: number | null) =>
    approval === undefined ? null : (
      <ApprovalBox approval={approval} sha={sha} pr={pr} action={`${base}/approve`} csrf={props.csrf} now={props.now} />
    );
  if (props.waiting.length === 0 && props.asked.length === 0 && props.heldJobs.length === 0)
    return <p class="color-fg-muted">Nothing waits.</p>;
  return (
    <ul class="list-style-none" data-testid="waiting">
      {props.waiting.map(({ pending, why, approval }) => (
        <li class="py-1" key={`${pending.target}:${pending.ref}`}>
          <span class="text-bold">{pending.target}</span> <CommitLink repoUrl={repoUrl} sha={pending.sha} />{" "}
          <span class="color-fg-muted">{pending.ref}</span>
          {why === undefined ? null : (
            <span>
              {" "}
              — <code>{why.reason}</code> {why.message}
            </span>
          )}{" "}
          <a class="f6" href={`${base}/why?${new URLSearchParams({ sha: pending.sha, target: pending.target })}`}>
            why
          </a>
          {approvalBox(approval, pending.sha, pending.pr)}
        </li>
      ))}
      {props.asked.map(({ ask, approval }) => (
        <li class="py-1" key={`asked:${ask.via}`}>
          <span class="text-bold">{ask.target}</span> <CommitLink repoUrl={repoUrl} sha={ask.sha} />{" "}
          <span class="color-fg-muted">{ask.ref}</span>{" "}
          <span class="color-fg-muted">
            asked {describeAsker(ask.asker)} <TimeAgo at={ask.askedAt} now={props.now} />
          </span>{" "}
          — <code>waiting_for_approval</code> deploys once approved{" "}
          <a class="f6" href={`${base}/why?${new URLSearchParams({ sha: ask.sha, target: ask.target })}`}>
            why
          </a>
          {approvalBox(approval, ask.sha, ask.pr)}
        </li>
      ))}
      {props.heldJobs.map((job) => (
        <li class="py-1" key={`run:${job.runId}:${job.environment}`}>
          <span class="text-bold">{job.environment}</span> <CommitLink repoUrl={repoUrl} sha={job.sha} />{" "}
          <a href={`${repoUrl}/actions/runs/${job.runId}`}>workflow run {job.runId}</a>{" "}
          <span class="color-fg-muted">by @{job.requester}, held as a protection rule</span>
          {job.reason === null ? null : (
            <span>
              {" "}
              — <code>{job.reason}</code> {job.message}
            </span>
          )}
          {approvalBox(job.approval, job.sha, job.pr)}
        </li>
      ))}
    </ul>
  );
}

/** Who approved so far, and the Approve and Reject forms, under a row waiting for approval. */
function ApprovalBox(props: {
  readonly approval: WaitingApproval;
  readonly sha: string;
  readonly pr: number | null;
  readonly action: string;
  readonly csrf: string;
  readonly now: Date;
}) {
  const { approval, now } = props;
  const subject = { action: props.action, csrf: props.csrf, target: approval.target, sha: props.sha, pr: props.pr };
  return (
    <div class="d-flex flex-wrap flex-items-center gap-2 mt-1 ml-3" data-testid="approval" data-target={approval.target}>
      <span class="color-fg-muted text-small" data-testid="approved-by">
        {approval.approved.length === 0 ? "No approvals yet." : "Approved by "}
        {approval.approved.map((given, index) => (
          <span key={given.login}>
            {index === 0 ? "" : ", "}
            <span class="text-bold color-fg-default">@{given.login}</span> <TimeAgo at={given.at} now={now} />
          </span>
        ))}
      </span>
      <ApproveForm {...subject} />
      <RejectForm {...subject} />
    </div>
  );
}
