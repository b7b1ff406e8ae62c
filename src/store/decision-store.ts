import type { ReasonCode } from "../domain/reason-codes.js";

/** A decision as stored, so "why didn't it deploy?" has an answer. */
export interface DecisionRecord {
  readonly repoId: number;
  readonly target: string | null;
  readonly ref: string;
  readonly sha: string;
  readonly pr: number | null;
  readonly reason: ReasonCode;
  readonly message: string;
  /** What the decision answered: a webhook's `X-GitHub-Delivery` id, a hook or admin request (`hook:…`, `admin:…`); null for the retry sweep. */
  readonly origin: string | null;
  readonly createdAt: Date;
}

/** Every decision with its reason code, so "why didn't it deploy?" has an answer. */
export interface DecisionStore {
  recordDecision(decision: DecisionRecord): Promise<void>;
  /**
   * Records a decision unless the latest one about the same target and commit says the same (ref,
   * pull request, reason and sentence): a deploy decided again without anything changing is not
   * logged again. True when it was recorded.
   */
  recordDecisionIfChanged(decision: DecisionRecord): Promise<boolean>;
  /** Newest first; 50 unless `limit` says otherwise. */
  listDecisions(repoId: number, filter?: { sha?: string; target?: string; limit?: number }): Promise<DecisionRecord[]>;
}
