import { expect } from "@jest/globals";
import { defaultBranchConfig } from "../config/config-events.js";
import { createHarness, INSTALLATION_ID, useAppTests, type Harness } from "../helpers/app-harness.js";
import { deployment } from "../helpers/github-responses.js";
import type { GitHubMock, RequestAssertion } from "../helpers/mock-github.js";
import type { ReasonCode } from "../../src/domain/reason-codes.js";
import type { Store } from "../../src/store/store.js";
import { collaboratorPermission, commit, issueComment, pullRequest, reaction, teamMembership } from "./responses.js";

/** The pull request the commands are written on. */
export const PR = 42;
export const HEAD_SHA = "c0ffee00000000000000000000000000000000a1";
export const HEAD_REF = "feature/login";
/** When a comment was written, unless a test says otherwise. */
export const COMMENTED_AT = "2026-11-23T10:00:00Z";
/** What starts every reply, so Deliverybot recognises its own comments. */
export const REPLY_HEADER = "<!-- deliverybot:reply -->\n";

/** A pull request comment as GitHub delivers it. */
export interface CommentOptions {
  readonly id: number;
  readonly body: string;
  readonly login?: string;
  readonly userType?: "User" | "Bot";
  readonly pr?: number;
  readonly createdAt?: string;
  /** false: a comment on an issue, without `issue.pull_request`. */
  readonly onPullRequest?: boolean;
  readonly action?: "created" | "edited";
}

/** A real `issue_comment` payload (not yet delivered), about the harness's repository. */
export function commentEvent(h: Harness, options: CommentOptions) {
  const pr = options.pr ?? PR;
  return h.event("issue_comment", {
    action: options.action ?? "created",
    edit: (p) => {
      p.issue.number = pr;
      if (options.onPullRequest === false) delete p.issue.pull_request;
      else {
        const html = `https://github.com/${h.repo.owner}/${h.repo.name}/pull/${pr}`;
        p.issue.pull_request = {
          url: `https://api.github.com${h.api}/pulls/${pr}`,
          html_url: html,
          diff_url: `${html}.diff`,
          patch_url: `${html}.patch`,
          merged_at: null,
        };
      }
      p.comment.id = options.id;
      p.comment.body = options.body;
      p.comment.created_at = options.createdAt ?? COMMENTED_AT;
      p.comment.updated_at = options.createdAt ?? COMMENTED_AT;
      if (p.comment.user === null) throw new Error("the issue_comment example lost its user");
      p.comment.user.login = options.login ?? "alice";
      p.comment.user.type = options.userType ?? "User";
    },
  });
}

/** Delivers {@link commentEvent}; returns the event, to deliver it again. */
export async function comment(h: Harness, options: CommentOptions) {
  const event = commentEvent(h, options);
  await h.deliver(event);
  return event;
}

/** Delivers a real `pull_request` event for a pull request of the harness's repository (not a fork). */
export function pullRequestEvent(
  h: Harness,
  action: "opened" | "synchronize" | "closed",
  options: { number?: number; headSha?: string; headRef?: string; updatedAt?: string } = {},
) {
  const number = options.number ?? PR;
  return h.receive("pull_request", {
    action,
    edit: (p) => {
      p.number = number;
      p.pull_request.number = number;
      p.pull_request.head.ref = options.headRef ?? HEAD_REF;
      p.pull_request.head.sha = options.headSha ?? HEAD_SHA;
      p.pull_request.draft = false;
      p.pull_request.base.repo.id = h.repo.id;
      if (p.pull_request.head.repo !== null) p.pull_request.head.repo.id = h.repo.id;
      if (options.updatedAt !== undefined) p.pull_request.updated_at = options.updatedAt;
    },
  });
}

/** The mock's expectations for what commands ask of GitHub, bound to one harness. */
export function commandGitHub(github: GitHubMock, h: Harness) {
  const api = h.api;
  return {
    /** The default branch's `.github/deploy.yml`, read `times` times (no ETag: each read is a 200). */
    config(body: string, times = 1) {
      github.expect("GET", defaultBranchConfig(h), { status: 200, body, times });
    },
    /** The 👀 reaction on the command comment. */
    reaction(commentId: number, status: 200 | 201 = 201) {
      github.expect("POST", `${api}/issues/comments/${commentId}/reactions`, { status, body: reaction(commentId + 1) }, (body) =>
        expect(body).toEqual({ content: "eyes" }),
      );
    },
    permission(login: string, permission: "admin" | "write" | "read" | "none") {
      github.expect("GET", `${api}/collaborators/${login}/permission`, {
        status: 200,
        body: collaboratorPermission(login, permission),
      });
    },
    pullRequest(options: { headSha?: string; headRepoId?: number; draft?: boolean; number?: number } = {}) {
      const number = options.number ?? PR;
      github.expect("GET", `${api}/pulls/${number}`, {
        status: 200,
        body: pullRequest({
          repo: h.repo,
          number,
          headSha: options.headSha ?? HEAD_SHA,
          headRef: HEAD_REF,
          ...(options.headRepoId === undefined ? {} : { headRepoId: options.headRepoId }),
          ...(options.draft === undefined ? {} : { draft: options.draft }),
        }),
      });
    },
    /** Membership of `org/team`; `absent` is GitHub's 404 for a user who is not a member. */
    teamMembership(team: string, login: string, state: "active" | "pending" | "absent") {
      const [org = "", slug = ""] = team.split("/");
      const path = `/orgs/${org}/teams/${slug}/memberships/${login}`;
      if (state === "absent") github.expect("GET", path, { status: 404, body: { message: "Not Found" } });
      else github.expect("GET", path, { status: 200, body: teamMembership(org, slug, login, state) });
    },
    commit(ref: string, sha: string) {
      github.expect("GET", `${api}/commits/${ref}`, { status: 200, body: commit(h.repo, sha) });
    },
    deployment(id: number, assert?: RequestAssertion) {
      github.expect("POST", `${api}/deployments`, { status: 201, body: deployment(id) }, assert);
    },
    reply(replyId: number, options: { pr?: number; status?: number } = {}) {
      const pr = options.pr ?? PR;
      const status = options.status ?? 201;
      const body = status === 201 ? issueComment(h.repo, replyId, pr) : { message: "Server Error" };
      github.expect("POST", `${api}/issues/${pr}/comments`, { status, body });
    },
    editReply(replyId: number) {
      github.expect("PATCH", `${api}/issues/comments/${replyId}`, { status: 200, body: issueComment(h.repo, replyId, PR) });
    },
  };
}

/**
 * A harness on `store` whose repository serves `config` from its default branch for the whole test
 * (installation token persisted too), and, unless `pullRequest: false`, pull request {@link PR} at
 * {@link HEAD_SHA}: what a test of approvals and commands starts from.
 */
export async function harnessWithConfig(
  store: Store,
  github: GitHubMock,
  config: string,
  options: { readonly pullRequest?: boolean } = {},
): Promise<{ readonly h: Harness; readonly gh: CommandGitHub }> {
  const h = await createHarness(store, github);
  github.installationToken(INSTALLATION_ID, { persist: true });
  github.expect("GET", defaultBranchConfig(h), { status: 200, body: config, persist: true });
  if (options.pullRequest !== false) {
    const body = pullRequest({ repo: h.repo, number: PR, headSha: HEAD_SHA, headRef: HEAD_REF });
    github.expect("GET", `${h.api}/pulls/${PR}`, { status: 200, body, persist: true });
  }
  return { h, gh: commandGitHub(github, h) };
}

const REPLY_REQUEST = /\/issues\/(\d+\/comments|comments\/\d+)$/;

/** The bodies Deliverybot posted or edited as replies, in order, without the header (asserted here). */
export function replies(github: GitHubMock): string[] {
  return github.requests
    .filter((r) => (r.method === "POST" || r.method === "PATCH") && REPLY_REQUEST.test(r.path))
    .map((r) => {
      const { body } = r.body as { body: string };
      expect(body.startsWith(REPLY_HEADER)).toBe(true);
      return body.slice(REPLY_HEADER.length);
    });
}

/** How a refusal names its reason code: "**Refused** (`locked`): …". */
export function refusedFor(reason: ReasonCode): string {
  return `(\`${reason}\`): `;
}

/** The one reply of the test. */
export function onlyReply(github: GitHubMock): string {
  const all = replies(github);
  expect(all).toHaveLength(1);
  return all[0] ?? "";
}

/** The bodies of every `POST …/deployments`, in order. */
export function deploymentRequests(github: GitHubMock): Array<Record<string, unknown>> {
  return github.requests
    .filter((r) => r.method === "POST" && r.path.endsWith("/deployments"))
    .map((r) => r.body as Record<string, unknown>);
}

/** The GitHub expectations of {@link commandGitHub}. */
export type CommandGitHub = ReturnType<typeof commandGitHub>;

/**
 * Sets up a command test file: the file's store and GitHub mock (`useAppTests`), and `begin()`,
 * which starts a fresh harness, binds the command expectations to it and expects the
 * installation token once.
 */
export function useCommandTests(): {
  readonly github: GitHubMock;
  /** A fresh harness that expects nothing of GitHub (for comments that must cost no request). */
  start(): Promise<Harness>;
  begin(): Promise<{ h: Harness; gh: CommandGitHub }>;
} {
  const { github, start } = useAppTests();
  return {
    github,
    start,
    async begin() {
      const h = await start();
      const gh = commandGitHub(github, h);
      github.installationToken(INSTALLATION_ID);
      return { h, gh };
    },
  };
}
