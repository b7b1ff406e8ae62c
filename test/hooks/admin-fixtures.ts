import type { GitHubMock } from "../helpers/mock-github.js";
import type { Store } from "../../src/store/store.js";

/** A usable admin token (the API wants at least 32 characters). */
export const ADMIN_TOKEN = "admin-token-for-tests-0123456789abcdef";

/** A repository no other test uses: its name, GitHub id and the app's installation id on it. */
export interface AdminTestRepo {
  readonly owner: string;
  readonly repo: string;
  readonly fullName: string;
  readonly repoId: number;
  readonly installationId: number;
  /** `/repos/acme/<repo>`. */
  readonly api: string;
}

let next = 200_000 + Math.floor(Math.random() * 1_000) * 100;

export function newAdminTestRepo(): AdminTestRepo {
  next += 1;
  const repo = `store-${next}`;
  return { owner: "acme", repo, fullName: `acme/${repo}`, repoId: next, installationId: next, api: `/repos/acme/${repo}` };
}

/**
 * Expects what creating a hook asks GitHub: the installation on the repository (with the app's
 * JWT), the installation's token, and the repository (for its id).
 */
export function expectInstalled(github: GitHubMock, r: AdminTestRepo): void {
  github.expect("GET", `${r.api}/installation`, { status: 200, body: { id: r.installationId, app_id: 1 } }, (_body, request) => {
    if (!/^bearer [\w-]+\.[\w-]+\.[\w-]+$/i.test(request.headers["authorization"] ?? ""))
      throw new Error("the installation must be looked up with the app's JWT");
  });
  github.installationToken(r.installationId);
  github.expect("GET", r.api, {
    status: 200,
    body: { id: r.repoId, name: r.repo, full_name: r.fullName, owner: { login: r.owner }, default_branch: "main" },
  });
}

/** Expects the installation lookup to answer 404: the app is not installed on the repository. */
export function expectNotInstalled(github: GitHubMock, r: AdminTestRepo): void {
  github.expect("GET", `${r.api}/installation`, { status: 404, body: { message: "Not Found" } });
}

/**
 * Records in the store a deployment of `sha` (from `main`) to `environment`, as GitHub's webhooks
 * would, with a status in `state` (none: `created`). Its id is the repository's own: one per test.
 */
export async function recordDeploymentOf(
  store: Store,
  r: AdminTestRepo,
  sha: string,
  state: string | null,
  environment = "staging",
): Promise<void> {
  const id = r.repoId * 10;
  const createdAt = new Date(Date.now() - 60_000);
  await store.recordDeployment({
    id,
    repoId: r.repoId,
    environment,
    sha,
    ref: "main",
    task: "deploy",
    target: environment,
    pr: null,
    transient: false,
    createdAt,
    creator: "ci-bot",
    trigger: "external",
    description: null,
  });
  if (state === null) return;
  const reportedAt = new Date(createdAt.getTime() + 30_000);
  await store.recordDeploymentStatus({
    id: id * 10,
    deploymentId: id,
    state,
    description: null,
    environmentUrl: null,
    logUrl: null,
    createdAt: reportedAt,
  });
}
