import type { ReasonCode } from "../domain/reason-codes.js";

/** What a deploy is about: the target, the environment it renders to, and the commit by its ref. */
export interface DeploySubject {
  readonly target: string;
  readonly environment: string;
  readonly ref: string;
  readonly sha: string;
}

/**
 * What became of one deploy, from the gates to GitHub's answer: the one value every channel
 * renders (the pull request reply, the hook's or admin API's HTTP answer, the pending record).
 * `reason` and `message` are the decision recorded for it; `in_flight` records none (the work is
 * simply tried again).
 */
export type DeployOutcome = DeploySubject &
  (
    | { readonly kind: "deployed"; readonly reason: "deployed"; readonly message: string; readonly deploymentId: number }
    /** The claim was taken before (this request was handled, or the commit is deployed there): GitHub was not asked. */
    | { readonly kind: "already_deployed"; readonly reason: "already_deployed"; readonly message: string }
    /** Another try of the same claim is in flight; ask again at `retryAt`. */
    | { readonly kind: "in_flight"; readonly message: string; readonly retryAt: Date }
    /** A gate said no before GitHub was asked (the engine's refusal). */
    | { readonly kind: "refused"; readonly reason: ReasonCode; readonly message: string }
    /** GitHub's own verification said not now (409 on required contexts, or a merge first). */
    | { readonly kind: "not_now"; readonly reason: "waiting_for_checks"; readonly message: string }
    /**
     * GitHub refused the request (`retryable: false`) or failed (5xx, rate limit, no answer; `status`
     * null). `retryAt`: when to try again — GitHub's rate-limit time, and for a deploy that waits its
     * backoff too; null when any time will do.
     */
    | {
        readonly kind: "github_error";
        readonly reason: "github_error";
        readonly message: string;
        /** GitHub's own words (or the error's, when GitHub did not answer). */
        readonly detail: string;
        readonly status: number | null;
        readonly retryable: boolean;
        readonly retryAt: Date | null;
      }
  );

/**
 * What became of a deploy somebody asked for: a {@link DeployOutcome}, or `waiting` for the
 * target's approvals — kept, and decided again once they are in.
 */
export type AskedOutcome =
  | DeployOutcome
  | (DeploySubject & { readonly kind: "waiting"; readonly reason: "waiting_for_approval"; readonly message: string });
