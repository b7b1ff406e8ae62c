import type { GitHubPort } from "../github/github-port.js";
import type { HookRequest } from "./parse-hook-request.js";

/** The commit a hook request deploys and the branch, tag or SHA it came by; or why there is none. */
export type HookCommit =
  { readonly ok: true; readonly ref: string; readonly sha: string } | { readonly ok: false; readonly message: string };

/**
 * Which commit: a `sha` (it must exist), a `ref`, a tag that names a git tag or branch; a Docker
 * tag that is no git ref (`latest`) and an empty body deploy the default branch's head.
 */
export async function resolveHookCommit(
  github: Pick<GitHubPort, "resolveCommit" | "getDefaultBranchHead">,
  request: HookRequest,
): Promise<HookCommit> {
  if (request.kind === "commit") {
    const wanted = request.sha ?? request.ref ?? "";
    const sha = await github.resolveCommit(wanted);
    const what = request.sha === undefined ? "branch, tag or commit" : "commit";
    if (sha === undefined) return { ok: false, message: `There is no ${what} ${wanted} in this repository.` };
    return { ok: true, ref: request.ref ?? sha, sha };
  }
  if (request.kind === "tag" || request.kind === "docker_hub") {
    const sha = await github.resolveCommit(request.tag);
    if (sha !== undefined) return { ok: true, ref: request.tag, sha };
  }
  const head = await github.getDefaultBranchHead();
  if (head === undefined) return { ok: false, message: "The repository has no commits to deploy." };
  return { ok: true, ...head };
}
