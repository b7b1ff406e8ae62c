import { findCommit, FULL_SHA, refName } from "./commit-routes.js";
import type { FakeState } from "./fake-github-state.js";
import type { FakeGitHub } from "./fake-github-types.js";
import { registerRepository } from "./register-repository.js";

/** The fake's controls of where branches and tags point: see {@link FakeGitHub}. */
export function createRefControls(state: FakeState): Pick<FakeGitHub, "setRef" | "resolveRef" | "setCommits"> {
  const controls: Pick<FakeGitHub, "setRef" | "resolveRef" | "setCommits"> = {
    setRef(repository, ref, sha) {
      if (!FULL_SHA.test(sha)) throw new Error(`setRef: "${sha}" is not a full 40-hex commit SHA`);
      const name = refName(ref);
      // Git refuses these in ref names; a full SHA always names itself on GitHub.
      if (name === "" || name.includes(":") || FULL_SHA.test(name))
        throw new Error(`setRef: "${ref}" is not a branch or tag name`);
      registerRepository(state, repository);
      state.refs.set(`${repository}:${name}`, sha.toLowerCase());
    },
    resolveRef: (repository, ref) => findCommit(state, repository, ref),
    setCommits(repository, commits) {
      const [newest] = commits;
      if (newest === undefined) throw new Error("setCommits: a history has at least one commit");
      const bad = commits.find((commit) => !FULL_SHA.test(commit.sha));
      if (bad !== undefined) throw new Error(`setCommits: "${bad.sha}" is not a full 40-hex commit SHA`);
      const known = registerRepository(state, repository);
      controls.setRef(repository, known.defaultBranch, newest.sha);
      state.histories.set(
        repository,
        commits.map((commit) => ({ ...commit, sha: commit.sha.toLowerCase() })),
      );
    },
  };
  return controls;
}
