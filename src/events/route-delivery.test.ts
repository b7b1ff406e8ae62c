import { describe, expect, it } from "@jest/globals";
import { loadPayload } from "../../test/helpers/payloads.js";
import type { DeliveryFacts } from "./delivery-facts.js";
import { routeDelivery } from "./route-delivery.js";

const REPO_ID = 4242;

/** Routes a real payload and reads its facts, as a worker does. */
function readRouted(event: string, payload: unknown): DeliveryFacts {
  const read = routeDelivery(event, payload);
  if (read === undefined) throw new Error(`${event} was not routed`);
  return read();
}

/** A real `issue_comment` payload, on a pull request unless the edit says otherwise. */
function commentPayload(options: { action?: string; onPullRequest?: boolean; userType?: string } = {}) {
  return loadPayload("issue_comment", {
    action: options.action ?? "created",
    edit: (p) => {
      p.issue.number = 7;
      p.comment.id = 555;
      if (options.onPullRequest !== false) {
        p.issue.pull_request = {
          url: "https://api.github.com/repos/acme/shop/pulls/7",
          html_url: "https://github.com/acme/shop/pull/7",
          diff_url: "https://github.com/acme/shop/pull/7.diff",
          patch_url: "https://github.com/acme/shop/pull/7.patch",
          merged_at: null,
        };
      }
      if (p.comment.user !== null && options.userType !== undefined) p.comment.user.type = options.userType as "Bot";
    },
  });
}

describe("routeDelivery: what Deliverybot handles, and the facts read from real payloads", () => {
  it("reads a push's ref, commit and whether it deleted the ref", () => {
    const push = loadPayload("push", {
      edit: (p) => {
        p.ref = "refs/heads/main";
        p.after = "d6fde92930d4715a2b49857d24b940956b26d2d3";
        p.deleted = false;
        p.repository.default_branch = "main";
      },
    });

    expect(readRouted("push", push)).toEqual({
      kind: "push",
      push: expect.objectContaining({ ref: "refs/heads/main", sha: "d6fde92930d4715a2b49857d24b940956b26d2d3", deleted: false }),
    });
  });

  it.each(["opened", "synchronize", "reopened"])("reads pull_request %s as the pull request's head", (action) => {
    const event = loadPayload("pull_request", { action });
    const pr = event.pull_request;

    expect(readRouted("pull_request", event)).toEqual({
      kind: "pull_request_head",
      trigger: expect.objectContaining({
        kind: "pull_request",
        pr: pr.number,
        sha: pr.head.sha,
        ref: `refs/heads/${pr.head.ref}`,
      }),
      updatedAt: new Date(pr.updated_at),
    });
  });

  it("reads pull_request closed as the number and head ref", () => {
    const event = loadPayload("pull_request", { action: "closed" });

    expect(readRouted("pull_request", event)).toEqual({
      kind: "pull_request_closed",
      pr: event.number,
      ref: `refs/heads/${event.pull_request.head.ref}`,
    });
  });

  it("reads a comment a user created on a pull request as a command comment", () => {
    expect(readRouted("issue_comment", commentPayload())).toEqual({
      kind: "comment",
      comment: expect.objectContaining({ id: 555, pr: 7 }),
    });
  });

  it("reads a status as a check", () => {
    const event = loadPayload("status");

    expect(readRouted("status", event)).toEqual({
      kind: "check",
      check: expect.objectContaining({ source: "status", sha: event.sha, context: event.context }),
    });
  });

  it.each(["created", "completed", "rerequested"])("reads check_run %s as a check", (action) => {
    const event = loadPayload("check_run", { action });

    expect(readRouted("check_run", event)).toEqual({
      kind: "check",
      check: expect.objectContaining({ source: "check_run", sha: event.check_run.head_sha, context: event.check_run.name }),
    });
  });

  it("reads check_suite completed as its head commit, to evaluate again", () => {
    const event = loadPayload("check_suite", { action: "completed" });

    expect(readRouted("check_suite", event)).toEqual({ kind: "checks_completed", sha: event.check_suite.head_sha });
  });

  it("reads merge_group checks_requested and destroyed: the group's commit, branches, pull request and why it ended", () => {
    const requested = loadPayload("merge_group", { action: "checks_requested" });
    const destroyed = loadPayload("merge_group", {
      action: "checks_requested",
      edit: (p) => Object.assign(p, { action: "destroyed", reason: "merged" }),
    });
    const group = {
      headSha: "2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d",
      headRef: "refs/heads/gh-readonly-queue/main/pr-104-929f8209d40f77f4abc622a499c93a83babdbe64",
      baseRef: "refs/heads/main",
      pr: 104,
    };

    expect(readRouted("merge_group", requested)).toEqual({
      kind: "merge_group",
      group: { ...group, action: "checks_requested", reason: null },
    });
    expect(readRouted("merge_group", destroyed)).toEqual({
      kind: "merge_group",
      group: { ...group, action: "destroyed", reason: "merged" },
    });
    expect(routeDelivery("merge_group", { ...requested, action: "something_new" })).toBeUndefined();
    const headless = { ...requested, merge_group: { ...requested.merge_group, head_sha: undefined } };
    expect(() => routeDelivery("merge_group", headless)?.()).toThrow("`merge_group.head_sha` must be a non-empty string");
  });

  it("reads a deployment, without a status, under the payload's repository", () => {
    const event = loadPayload("deployment", { edit: (p) => void (p.repository.id = REPO_ID) });

    expect(readRouted("deployment", event)).toEqual({
      kind: "deployment",
      deployment: expect.objectContaining({ id: event.deployment.id, repoId: REPO_ID, sha: event.deployment.sha }),
      status: null,
    });
  });

  it("reads a deployment_status as the deployment with the status", () => {
    const event = loadPayload("deployment_status", { edit: (p) => void (p.repository.id = REPO_ID) });

    expect(readRouted("deployment_status", event)).toEqual({
      kind: "deployment",
      deployment: expect.objectContaining({ id: event.deployment.id, repoId: REPO_ID }),
      status: expect.objectContaining({
        id: event.deployment_status.id,
        deploymentId: event.deployment.id,
        state: event.deployment_status.state,
      }),
    });
  });

  it("routes a malformed payload anyway: reading it fails when the work runs, so the queue keeps the error", () => {
    const read = routeDelivery("push", { ref: "refs/heads/main" });

    expect(read).toBeInstanceOf(Function);
    expect(() => read?.()).toThrow(TypeError);
  });
});

describe("routeDelivery: what Deliverybot ignores", () => {
  it.each<[string, string, () => unknown]>([
    ["issue_comment", "on an issue", () => commentPayload({ onPullRequest: false })],
    ["issue_comment", "by a bot", () => commentPayload({ userType: "Bot" })],
    ["issue_comment", "edited", () => commentPayload({ action: "edited" })],
    ["issue_comment", "deleted", () => commentPayload({ action: "deleted" })],
    ["check_suite", "requested", () => loadPayload("check_suite", { action: "requested" })],
    ["check_suite", "rerequested", () => loadPayload("check_suite", { action: "rerequested" })],
    ["pull_request", "labeled", () => loadPayload("pull_request", { action: "labeled" })],
    ["pull_request", "assigned", () => loadPayload("pull_request", { action: "assigned" })],
    ["pull_request", "ready_for_review", () => loadPayload("pull_request", { action: "ready_for_review" })],
    ["installation", "created", () => loadPayload("installation", { action: "created" })],
    ["ping", "(no action)", () => loadPayload("ping")],
  ])("ignores %s %s", (event, _what, make) => {
    expect(routeDelivery(event, make())).toBeUndefined();
  });

  it("ignores an event it does not know, whatever its payload", () => {
    expect(routeDelivery("not_an_event", { action: "created" })).toBeUndefined();
  });
});
