/** The newest head of a pull request Deliverybot saw in a `pull_request` webhook. */
export interface PullRequestHead {
  readonly sha: string;
  /** When the head changed (the payload's `pull_request.updated_at`). */
  readonly updatedAt: Date;
}

/** The newest head of each pull request, from `pull_request` webhooks. */
export interface PullRequestHeadStore {
  /** Records a pull request's head; an older `updatedAt` than the stored one is ignored. */
  recordPullRequestHead(repoId: number, pr: number, head: PullRequestHead): Promise<void>;
  getPullRequestHead(repoId: number, pr: number): Promise<PullRequestHead | undefined>;
}
