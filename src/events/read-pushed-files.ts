import type { Context } from "probot";
import type { PushedFiles } from "../domain/event-facts.js";

/** A push payload lists at most this many commits; one that lists this many may have left some out. */
export const MAX_PUSH_COMMITS = 2048;
/** A push payload lists at most this many files per commit; a commit listing this many may have more. */
export const MAX_COMMIT_FILES = 3000;

type PushPayload = Context<"push">["payload"];

const NO_COMMIT = /^0+$/;

/**
 * What a push payload tells about the files the push changed, and so what GitHub must be asked
 * when path filters need them (see `PushedFiles`):
 * - a push that moved a ref forward lists its commits' files, unless it lists none or may have cut
 *   its lists short: then compare `before...after`;
 * - a force push also undid the commits it dropped, whose files it does not list: compare
 *   `after...before` (what they changed since the common ancestor) and add the listed files;
 * - a new ref has no `before`: its listed commits' files say what it brings; without them it is unknown.
 */
export function readPushedFiles(payload: PushPayload): PushedFiles {
  const listed = listCommitFiles(payload.commits);
  if (payload.created || NO_COMMIT.test(payload.before)) {
    return listed !== undefined && payload.commits.length > 0 ? { kind: "listed", files: listed } : { kind: "unknown" };
  }
  if (payload.forced) {
    return listed === undefined
      ? { kind: "unknown" }
      : { kind: "compare", base: payload.after, head: payload.before, alsoChanged: listed };
  }
  if (listed === undefined || payload.commits.length === 0) {
    return { kind: "compare", base: payload.before, head: payload.after, alsoChanged: [] };
  }
  return { kind: "listed", files: listed };
}

/** Every file the commits added, modified or removed, each once; undefined when a list may be incomplete. */
function listCommitFiles(commits: PushPayload["commits"]): string[] | undefined {
  if (commits.length >= MAX_PUSH_COMMITS) return undefined;
  const files = new Set<string>();
  for (const commit of commits) {
    const { added, modified, removed } = commit;
    if (added === undefined || modified === undefined || removed === undefined) return undefined;
    if (added.length + modified.length + removed.length >= MAX_COMMIT_FILES) return undefined;
    for (const file of [...added, ...modified, ...removed]) files.add(file);
  }
  return [...files];
}
