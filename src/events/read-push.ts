import type { Context } from "probot";
import type { PushFacts } from "../domain/event-facts.js";

/** The push facts, all from the payload: no API call needed. */
export function readPush(payload: Context<"push">["payload"]): PushFacts {
  const changed = new Set<string>();
  for (const commit of payload.commits) {
    for (const file of [...(commit.added ?? []), ...(commit.modified ?? []), ...(commit.removed ?? [])]) changed.add(file);
  }
  return {
    ref: payload.ref,
    sha: payload.after,
    deleted: payload.deleted || /^0+$/.test(payload.after),
    changedFiles: [...changed],
    toDefaultBranch: payload.ref === `refs/heads/${payload.repository.default_branch}`,
  };
}
