import { describe, expect, it } from "@jest/globals";
import { render } from "preact-render-to-string";
import type { DeploymentWithState } from "../../store/deployment-store.js";
import { HistoryPage } from "./history-page.js";
import { RepositoryPage, type RepositoryView } from "./repository-page.js";
import type { AskedDeployRecord } from "../../store/asked-deploy-store.js";

const NOW = new Date("2026-12-07T12:00:00Z");
const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
const viewer = { login: "alice", avatarUrl: "https://avatars.githubusercontent.com/u/1", csrf: "csrf-token" };

function deployment(fields: Partial<DeploymentWithState> = {}): DeploymentWithState {
  return {
    id: 42,
    repoId: 1,
    environment: "production",
    sha: "d6fde92930d4715a2b49857d24b940956b26d2d3",
    ref: "main",
    task: "deploy",
    target: "production",
    pr: null,
    transient: false,
    createdAt: new Date("2026-12-07T09:00:00Z"),
    creator: "alice",
    trigger: "command",
    description: null,
    state: "success",
    lifecycle: "succeeded",
    stateAt: new Date("2026-12-07T09:05:00Z"),
    statusDescription: "Deployed",
    environmentUrl: "https://shop.example.com",
    logUrl: "https://ci.example.com/run/1",
    ...fields,
  };
}

function askedDeploy(fields: Partial<AskedDeployRecord> = {}): AskedDeployRecord {
  return {
    repoId: 1,
    owner: "acme",
    repo: "shop",
    installationId: 1,
    via: "comment:7",
    target: "production",
    ref: "main",
    sha: "e".repeat(40),
    pr: 12,
    asker: {
      kind: "command",
      login: "dana",
      commentId: 7,
      repositoryUrl: "https://github.com/acme/shop",
      followsHead: true,
      force: false,
      params: {},
    },
    deployedBefore: null,
    askedAt: NOW,
    ...fields,
  };
}

const view = (fields: Partial<RepositoryView> = {}): RepositoryView => ({
  owner: "acme",
  name: "shop",
  repoUrl: "https://github.com/acme/shop",
  current: [deployment()],
  inFlight: [],
  waiting: [],
  asked: [],
  heldJobs: [],
  locks: [],
  recent: [deployment()],
  commits: [],
  config: { kind: "ok", targets: ["production", "staging"], defaultTarget: "production" },
  requestId: "request-id-0123456789",
  ...fields,
});

describe("RepositoryPage", () => {
  it("shows each environment's deployment: commit, state, ref, who, link", () => {
    const html = render(<RepositoryPage viewer={viewer} now={NOW} view={view()} />);

    expect(html).toContain(
      '<a class="text-mono" href="https://github.com/acme/shop/commit/d6fde92930d4715a2b49857d24b940956b26d2d3">d6fde92</a>',
    );
    expect(html).toContain('<span class="Label Label--success" title="GitHub: success">succeeded</span>');
    expect(html).toContain("by alice");
    expect(html).toContain('<a href="https://ci.example.com/run/1">log</a>');
  });

  it("renders every string from GitHub or a user as text: branch names, descriptions, lock reasons, logins", () => {
    const hostile = deployment({
      ref: HOSTILE,
      environment: HOSTILE,
      statusDescription: HOSTILE,
      creator: HOSTILE,
      logUrl: "javascript:alert(1)",
      environmentUrl: "javascript:alert(2)",
    });
    const lock = {
      repoId: 1,
      environment: HOSTILE,
      owner: HOSTILE,
      pr: null,
      reason: HOSTILE,
      expiresAt: null,
      target: null,
      createdAt: NOW,
    };
    const waiting = {
      pending: {
        repoId: 1,
        owner: "acme",
        repo: "shop",
        installationId: 1,
        attempts: 0,
        nextAttemptAt: null,
        lastError: null,
        target: HOSTILE,
        ref: HOSTILE,
        sha: "a".repeat(40),
        pr: null,
        trigger: "push" as const,
      },
      why: {
        repoId: 1,
        target: HOSTILE,
        ref: HOSTILE,
        sha: "a".repeat(40),
        pr: null,
        reason: "waiting_for_checks" as const,
        message: HOSTILE,
        origin: null,
        createdAt: NOW,
      },
      approval: {
        target: HOSTILE,
        approved: [{ target: HOSTILE, login: HOSTILE, verdict: "approved" as const, reason: null, at: NOW }],
      },
    };

    const heldJob = {
      repoId: 1,
      runId: 77,
      environment: HOSTILE,
      owner: "acme",
      repo: "shop",
      installationId: 1,
      sha: "a".repeat(40),
      ref: HOSTILE,
      pr: null,
      requester: HOSTILE,
      event: "push",
      requestedAt: NOW,
      reason: "locked",
      message: HOSTILE,
      wakeAt: null,
      approval: waiting.approval,
    };

    const commit = {
      commit: { sha: "b".repeat(40), headline: HOSTILE, author: HOSTILE, authoredAt: NOW, url: "https://github.com/x" },
      checks: { state: "failure" as const, succeeded: 0, total: 1, failing: [HOSTILE] },
      deployments: [{ deployment: hostile, current: true }],
    };

    const html = render(
      <RepositoryPage
        viewer={{ ...viewer, login: HOSTILE }}
        now={NOW}
        view={view({
          current: [hostile],
          recent: [hostile],
          locks: [lock],
          waiting: [waiting],
          asked: [
            {
              ask: askedDeploy({ ref: HOSTILE, asker: { kind: "hook", name: HOSTILE, image: HOSTILE, tag: null } }),
              approval: waiting.approval,
            },
            { ask: askedDeploy({ asker: { kind: "dashboard", login: HOSTILE, force: false } }), approval: waiting.approval },
          ],
          heldJobs: [heldJob],
          commits: [commit],
        })}
      />,
    );

    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("javascript:");
    expect(html).toContain("&lt;script>alert(&quot;x&quot;)&lt;/script>&lt;img src=x onerror=alert(1)>");
  });

  it("lists deploys asked for that wait for approvals, saying who asked, with who approved and the approval forms", () => {
    const html = render(
      <RepositoryPage
        viewer={viewer}
        now={NOW}
        view={view({ asked: [{ ask: askedDeploy(), approval: { target: "production", approved: [] } }] })}
      />,
    );

    expect(html).toContain("asked by @dana in a comment");
    expect(html).toContain("<code>waiting_for_approval</code> deploys once approved");
    expect(html).toContain('action="/dashboard/acme/shop/approve"');
    expect(html).toContain(`value="${"e".repeat(40)}"`);
  });

  it("lists the default branch's commits with their checks and the environments each went to", () => {
    const sha = "c".repeat(40);
    const commits = [
      {
        commit: { sha, headline: "Fix checkout", author: "bob", authoredAt: new Date("2026-12-07T10:00:00Z"), url: "" },
        checks: { state: "failure" as const, succeeded: 1, total: 3, failing: ["lint", "test"] },
        deployments: [
          { deployment: deployment({ sha, environment: "production" }), current: true },
          { deployment: deployment({ sha, environment: "staging", state: "failure", lifecycle: "failed" }), current: false },
        ],
      },
      {
        commit: { sha: "d".repeat(40), headline: "Start", author: "alice", authoredAt: NOW, url: "" },
        checks: { state: "none" as const, succeeded: 0, total: 0, failing: [] },
        deployments: [],
      },
    ];

    const html = render(<RepositoryPage viewer={viewer} now={NOW} view={view({ commits })} />);

    expect(html).toContain('<td class="commit-message">Fix checkout</td>');
    expect(html).toContain('<span class="Label Label--danger" title="Failing: lint, test">failure 1/3</span>');
    expect(html).toContain('<span class="Label Label--secondary" title="No check has reported on this commit.">no checks</span>');
    expect(html).toMatch(/class="mr-2 deployed text-bold" data-environment="production" title="deployed there now">production/);
    expect(html).toMatch(
      /class="mr-2 deployed color-fg-muted" data-environment="staging"[^>]*>staging <span class="Label Label--danger"/,
    );
    expect(html).toContain(`href="/dashboard/acme/shop/why?sha=${sha}"`);
  });

  it("says so when GitHub could not be asked for the commits, and when there are none", () => {
    expect(render(<RepositoryPage viewer={viewer} now={NOW} view={view({ commits: undefined })} />)).toContain(
      "GitHub could not be asked for the commits; try again later.",
    );
    expect(render(<RepositoryPage viewer={viewer} now={NOW} view={view({ commits: [] })} />)).toContain(
      "The default branch has no commits.",
    );
  });

  it("lists the workflow jobs held as a protection rule, with why and a link to the run", () => {
    const job = {
      repoId: 1,
      runId: 3141,
      environment: "production",
      owner: "acme",
      repo: "shop",
      installationId: 1,
      sha: "d".repeat(40),
      ref: "main",
      pr: null,
      requester: "dev",
      event: "push",
      requestedAt: NOW,
      reason: "frozen",
      message: "production is frozen until Monday.",
      wakeAt: null,
    };

    const html = render(<RepositoryPage viewer={viewer} now={NOW} view={view({ heldJobs: [job] })} />);

    expect(html).not.toContain("Nothing waits.");
    expect(html).toContain('<a href="https://github.com/acme/shop/actions/runs/3141">workflow run 3141</a>');
    expect(html).toContain("by @dev, held as a protection rule");
    expect(html).toContain("<code>frozen</code> production is frozen until Monday.");
  });

  it("shows who approved a deploy waiting for approval, with the Approve and Reject forms naming its target, commit and pull request", () => {
    const sha = "e".repeat(40);
    const pending = {
      repoId: 1,
      owner: "acme",
      repo: "shop",
      installationId: 1,
      attempts: 0,
      nextAttemptAt: null,
      lastError: null,
      target: "production",
      ref: "refs/heads/feature",
      sha,
      pr: 42,
      trigger: "pull_request" as const,
    };
    const why = {
      repoId: 1,
      target: "production",
      ref: "refs/heads/feature",
      sha,
      pr: 42,
      reason: "waiting_for_approval" as const,
      message: "production needs 2 approvals of eeeeeee (`/approve production`); approved so far by @bob.",
      origin: null,
      createdAt: NOW,
    };
    const approved = [
      { target: "production", login: "bob", verdict: "approved" as const, reason: null, at: new Date("2026-12-07T11:00:00Z") },
    ];
    const waiting = [{ pending, why, approval: { target: "production", approved } }];

    const html = render(<RepositoryPage viewer={viewer} now={NOW} view={view({ waiting })} />);
    const none = render(
      <RepositoryPage
        viewer={viewer}
        now={NOW}
        view={view({ waiting: [{ ...waiting[0]!, approval: { target: "production", approved: [] } }] })}
      />,
    );

    expect(html).toContain('<span class="text-bold color-fg-default">@bob</span> <time datetime="2026-12-07T11:00:00.000Z"');
    expect(html).toContain(">1h ago</time>");
    for (const form of ["approve-form", "reject-form"]) {
      expect(html).toMatch(new RegExp(`<form method="post" action="/dashboard/acme/shop/approve" [^>]*data-testid="${form}"`));
    }
    expect(html).toContain('<input type="hidden" name="verdict" value="approve"/>');
    expect(html).toContain('<input type="hidden" name="verdict" value="reject"/>');
    expect(html).toContain('<input type="hidden" name="target" value="production"/>');
    expect(html).toContain(`<input type="hidden" name="sha" value="${sha}"/>`);
    expect(html).toContain('<input type="hidden" name="pr" value="42"/>');
    expect(html).toContain('<input type="hidden" name="csrf" value="csrf-token"/>');
    expect(html).toMatch(/<input class="form-control input-sm" type="text" name="reason" maxlength="200"/);
    expect(none).toContain("No approvals yet.");
  });

  it("shows no approval forms on a row that does not wait for approval", () => {
    const html = render(<RepositoryPage viewer={viewer} now={NOW} view={view()} />);

    expect(html).not.toContain("approve-form");
  });

  it("keeps the history's filters in its paging links, encoded", () => {
    const html = render(
      <HistoryPage
        viewer={viewer}
        now={NOW}
        view={{
          owner: "acme",
          name: "shop",
          repoUrl: "https://github.com/acme/shop",
          filter: { environment: 'pr-1"&x=<y>', lifecycle: "failed" },
          environments: ["production", 'pr-1"&x=<y>'],
          deployments: [deployment()],
          page: 2,
          hasNext: true,
        }}
      />,
    );

    expect(html).toContain(
      'href="/dashboard/acme/shop/deployments?environment=pr-1%22%26x%3D%3Cy%3E&amp;lifecycle=failed&amp;page=3"',
    );
    expect(html).toContain(
      'href="/dashboard/acme/shop/deployments?environment=pr-1%22%26x%3D%3Cy%3E&amp;lifecycle=failed&amp;page=1"',
    );
    expect(html).toContain('<option value="failed" selected>failed</option>');
  });
});
