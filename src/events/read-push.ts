import type { Context } from "probot";
import type { CommitTime, PushFacts } from "../domain/event-facts.js";
import { readPushedFiles } from "./read-pushed-files.js";

/** GitHub lists at most this many commits in a push: the commit times kept from one push are bounded so. */
export const MAX_PUSH_COMMIT_TIMES = 2048;

type PushPayload = Context<"push">["payload"];

/** The push facts, all from the payload: no API call needed. */
export function readPush(payload: PushPayload): PushFacts {
  const changed = new Set<string>();
  for (const commit of payload.commits) {
    for (const file of [...(commit.added ?? []), ...(commit.modified ?? []), ...(commit.removed ?? [])]) changed.add(file);
  }
  return {
    ref: payload.ref,
    sha: payload.after,
    deleted: payload.deleted || /^0+$/.test(payload.after),
    changedFiles: [...changed],
    changes: readPushedFiles(payload),
    toDefaultBranch: payload.ref === `refs/heads/${payload.repository.default_branch}`,
    commitTimes: readCommitTimes(payload),
  };
}

/**
 * The head commit's time first (the one deployed), then the pushed commits', each commit once,
 * at most {@link MAX_PUSH_COMMIT_TIMES}; a commit without a readable id or timestamp is skipped.
 */
function readCommitTimes(payload: PushPayload): CommitTime[] {
  const times = new Map<string, Date>();
  const head = payload.head_commit ?? undefined;
  for (const commit of head === undefined ? payload.commits : [head, ...payload.commits]) {
    if (times.size >= MAX_PUSH_COMMIT_TIMES) break;
    const committedAt = new Date(commit.timestamp);
    const readable = typeof commit.id === "string" && commit.id !== "" && !Number.isNaN(committedAt.getTime());
    if (readable && !times.has(commit.id)) times.set(commit.id, committedAt);
  }
  return [...times].map(([sha, committedAt]) => ({ sha, committedAt }));
}
