import { afterEach, describe, expect, it } from "@jest/globals";
import { createHarness, INSTALLATION_ID, type Harness } from "./helpers/app-harness.js";
import { changedFile, deployment } from "./helpers/github-responses.js";
import { mockGitHub } from "./helpers/mock-github.js";
import type { WebhookPayload } from "./helpers/payloads.js";
import { STORE_BACKENDS, useStore } from "./helpers/store-backends.js";

const BEFORE = "1111111111111111111111111111111111111111";
const SHA = "d6fde92930d4715a2b49857d24b940956b26d2d3";
const HEAD_SHA = "c0ffee0000000000000000000000000000000001";
const CONFIG_URL = /\/contents\/\.github%2Fdeploy\.yml$/;

/** Three services of one repository, each deployed from main when its own folder changes. */
const MONOREPO = `version: 2
targets:
  api:
    auto_deploy_on: refs/heads/main
    environment: api
    required_contexts: []
    paths: ["services/api/**", "libs/**", "!**.md"]
  web:
    auto_deploy_on: refs/heads/main
    environment: web
    required_contexts: []
    paths: ["services/web/**", "libs/**", "!**.md"]
  worker:
    auto_deploy_on: refs/heads/main
    environment: worker
    required_contexts: []
    paths: ["services/worker/**", "libs/**", "!**.md"]
  review:
    auto_deploy_on: pr
    environment: pr-\${{ pr }}
    transient_environment: true
    required_contexts: []
    paths_ignore: ["docs/**"]
`;

type Commit = WebhookPayload<"push">["commits"][number];
type CommitFiles = Partial<Pick<Commit, "added" | "modified" | "removed">>;

/** A `GET /repos/{owner}/{repo}/compare/{basehead}` 200 answer listing these files. */
function comparison(files: ReturnType<typeof changedFile>[]) {
  return { status: "diverged", ahead_by: 1, behind_by: 1, total_commits: 1, commits: [], files };
}

// One mock for the file: a second mockGitHub() would take over the first one's unmatched requests.
const github = mockGitHub();
afterEach(() => github.reset());

describe.each(STORE_BACKENDS)("monorepo paths on $name", (backend) => {
  const store = useStore(backend);
  let h: Harness;

  /** The real push example (index 4), moved from BEFORE to SHA on main, with these commits. */
  const push = (commits: CommitFiles[], fields: { forced?: boolean } = {}) =>
    h.receive("push", {
      index: 4,
      edit: (p) => {
        const [commit] = p.commits;
        if (commit === undefined) throw new Error("the example has no commit");
        Object.assign(p, { ref: "refs/heads/main", before: BEFORE, after: SHA, created: false, forced: false, ...fields });
        p.commits = commits.map((files, index) => ({
          ...commit,
          id: index.toString(16).padStart(40, "a"),
          added: [],
          modified: [],
          removed: [],
          ...files,
        }));
      },
    });
  const serveConfig = () => github.expect("GET", CONFIG_URL, { status: 200, body: MONOREPO, headers: { etag: '"m1"' } });
  const expectDeployment = (id: number, environment: string) =>
    github.expect("POST", `${h.api}/deployments`, { status: 201, body: deployment(id, SHA) }, (body) => {
      expect(body).toMatchObject({ ref: SHA, environment, payload: { target: environment } });
    });
  /** The newest decision's reason per target. */
  const reasons = async (sha = SHA) => {
    const newestFirst = await h.store.listDecisions(h.repo.id, { sha });
    return Object.fromEntries(newestFirst.reverse().map((decision) => [decision.target, decision.reason]));
  };

  it("deploys exactly the one target whose paths the push touched, from the payload alone", async () => {
    h = await createHarness(store(), github);
    github.installationToken(INSTALLATION_ID);
    serveConfig();
    expectDeployment(801, "web");

    await push([{ added: ["services/web/src/page.tsx"] }, { modified: ["README.md", "services/api/README.md"] }]);

    github.done();
    expect(github.rateLimitedCount()).toBe(2);
    expect(await reasons()).toEqual({ api: "paths_unchanged", web: "deployed", worker: "paths_unchanged" });
    const [worker] = await h.store.listDecisions(h.repo.id, { sha: SHA, target: "worker" });
    expect(worker?.message).toBe(
      "d6fde92 changed no file matching `services/worker/**`, `libs/**`, `!**.md` (paths); worker deploys on its own only when one changes.",
    );
  });

  it("keeps a gated deploy of a filtered target at 2 rate-limited calls (push, check, deploy)", async () => {
    h = await createHarness(store(), github);
    github.installationToken(INSTALLATION_ID);
    github.expect("GET", CONFIG_URL, {
      status: 200,
      body: MONOREPO.replace("environment: web\n    required_contexts: []", "environment: web\n    required_contexts: [ci/test]"),
      headers: { etag: '"m2"' },
    });
    github.expect("GET", CONFIG_URL, { status: 304, ifNoneMatch: '"m2"' });
    expectDeployment(810, "web");

    await push([{ modified: ["services/web/a.ts"] }]);
    expect(await reasons()).toEqual({ api: "paths_unchanged", web: "waiting_for_checks", worker: "paths_unchanged" });
    await h.receive("check_run", {
      action: "completed",
      edit: (p) => {
        Object.assign(p.check_run, { id: 101, name: "ci/test", head_sha: SHA, status: "completed", conclusion: "success" });
      },
    });

    github.done();
    expect(github.rateLimitedCount()).toBe(2);
    expect(await reasons()).toMatchObject({ web: "deployed" });
  });

  it("asks the compare API once when the payload cannot tell, and remembers the answer", async () => {
    h = await createHarness(store(), github);
    github.installationToken(INSTALLATION_ID);
    serveConfig();
    // A file moved from the worker to the api changes both.
    const files = [changedFile("services/api/main.ts"), changedFile("services/api/jobs.ts", "services/worker/jobs.ts")];
    github.expect("GET", `${h.api}/compare/${BEFORE}...${SHA}?per_page=1&page=1`, { status: 200, body: comparison(files) });
    expectDeployment(802, "api");
    expectDeployment(803, "worker");

    // As many commits as a payload holds: it may have left some out.
    await push(Array.from({ length: 2048 }, () => ({ modified: ["README.md"] })));
    expect(await reasons()).toEqual({ api: "deployed", web: "paths_unchanged", worker: "deployed" });
    // The same push again under a new delivery id, listing a commit without its files: web is
    // decided again from the remembered comparison.
    github.expect("GET", CONFIG_URL, { status: 304, ifNoneMatch: '"m1"' });
    await push([{ modified: ["README.md"] }, { added: undefined }]);

    github.done();
    expect(github.requests.filter((request) => request.path.includes("/compare/"))).toHaveLength(1);
    expect(await reasons()).toEqual({ api: "already_deployed", web: "paths_unchanged", worker: "already_deployed" });
  });

  it("asks what a force push dropped, so undoing a service's change redeploys it", async () => {
    h = await createHarness(store(), github);
    github.installationToken(INSTALLATION_ID);
    serveConfig();
    github.expect("GET", `${h.api}/compare/${SHA}...${BEFORE}?per_page=1&page=1`, {
      status: 200,
      body: comparison([changedFile("services/worker/queue.ts")]),
    });
    expectDeployment(805, "web");
    expectDeployment(806, "worker");

    await push([{ modified: ["services/web/a.ts"] }], { forced: true });

    github.done();
    expect(await reasons()).toEqual({ api: "paths_unchanged", web: "deployed", worker: "deployed" });
  });

  it("deploys every filtered target when GitHub cannot compare either", async () => {
    h = await createHarness(store(), github);
    github.installationToken(INSTALLATION_ID);
    serveConfig();
    github.expect("GET", `${h.api}/compare/${SHA}...${BEFORE}?per_page=1&page=1`, {
      status: 404,
      body: { message: "Not Found", documentation_url: "https://docs.github.com" },
    });
    expectDeployment(807, "api");
    expectDeployment(808, "web");
    expectDeployment(809, "worker");

    await push([{ modified: ["docs/a.md"] }], { forced: true });

    github.done();
    expect(await reasons()).toEqual({ api: "deployed", web: "deployed", worker: "deployed" });
  });

  it("filters a pull request target by the pull request's files, every page of them", async () => {
    h = await createHarness(store(), github);
    github.installationToken(INSTALLATION_ID);
    serveConfig();
    const next = `<https://api.github.com${h.api}/pulls/42/files?per_page=100&page=2>; rel="next"`;
    github.expect("GET", `${h.api}/pulls/42/files?per_page=100`, {
      status: 200,
      body: Array.from({ length: 100 }, (_, index) => changedFile(`docs/page-${index}.md`)),
      headers: { link: next },
    });
    github.expect("GET", `${h.api}/pulls/42/files?per_page=100&page=2`, {
      status: 200,
      body: [changedFile("docs/index.md")],
    });

    await h.receive("pull_request", {
      action: "opened",
      edit: (p) => {
        p.number = 42;
        p.pull_request.number = 42;
        p.pull_request.head.sha = HEAD_SHA;
        p.pull_request.base.repo.id = h.repo.id;
        if (p.pull_request.head.repo !== null) p.pull_request.head.repo.id = h.repo.id;
      },
    });

    github.done();
    const [decision] = await h.store.listDecisions(h.repo.id, { sha: HEAD_SHA });
    expect(decision).toMatchObject({ target: "review", reason: "paths_unchanged", pr: 42 });
    expect(decision?.message).toContain("Pull request #42 changes only files matching `docs/**`");
  });
});
