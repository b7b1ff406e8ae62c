import { beforeEach, describe, expect, it, jest } from "@jest/globals";
import { loadPayload } from "../test/helpers/payloads.js";
import type { HandlerDeps } from "./handlers/handler-deps.js";

/** Which handler the routed work called, with what (the deps left out). */
interface HandlerCall {
  readonly handler: string;
  readonly args: readonly unknown[];
}
const calls: HandlerCall[] = [];
const recording =
  (handler: string) =>
  async (_deps: unknown, ...args: unknown[]) => {
    calls.push({ handler, args });
  };

// The handlers are replaced by recorders: this file checks routing and the facts read from real
// payloads; the handlers themselves are covered end to end.
jest.unstable_mockModule("./handlers/handle-push.js", () => ({ handlePush: recording("handlePush") }));
jest.unstable_mockModule("./handlers/handle-pull-request.js", () => ({ handlePullRequest: recording("handlePullRequest") }));
jest.unstable_mockModule("./handlers/handle-pull-request-closed.js", () => ({
  handlePullRequestClosed: recording("handlePullRequestClosed"),
}));
jest.unstable_mockModule("./handlers/handle-check.js", () => ({ handleCheck: recording("handleCheck") }));
jest.unstable_mockModule("./handlers/process-commit.js", () => ({ processCommit: recording("processCommit") }));
jest.unstable_mockModule("./handlers/handle-deployment-event.js", () => ({
  handleDeploymentEvent: recording("handleDeploymentEvent"),
}));
jest.unstable_mockModule("./commands/handle-comment.js", () => ({ handleComment: recording("handleComment") }));

const { routeDelivery } = await import("./route-delivery.js");

const REPO_ID = 4242;
const deps = { repo: { id: REPO_ID, owner: "acme", name: "shop" } } as unknown as HandlerDeps;

/** Routes a real payload and runs the work it gives; the handler calls it made. */
async function runRouted(event: string, payload: unknown): Promise<HandlerCall[]> {
  const work = routeDelivery(event, payload);
  if (work === undefined) throw new Error(`${event} was not routed`);
  await work(deps);
  return calls;
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

beforeEach(() => {
  calls.length = 0;
});

describe("routeDelivery: what Deliverybot handles", () => {
  it("routes a push to the push handler with the facts of its payload", async () => {
    const push = loadPayload("push", {
      edit: (p) => {
        p.ref = "refs/heads/main";
        p.after = "d6fde92930d4715a2b49857d24b940956b26d2d3";
        p.deleted = false;
        p.repository.default_branch = "main";
      },
    });

    expect(await runRouted("push", push)).toEqual([
      {
        handler: "handlePush",
        args: [
          expect.objectContaining({ ref: "refs/heads/main", sha: "d6fde92930d4715a2b49857d24b940956b26d2d3", deleted: false }),
        ],
      },
    ]);
  });

  it.each(["opened", "synchronize", "reopened"])("routes pull_request %s to the pull request handler", async (action) => {
    const event = loadPayload("pull_request", { action });
    const pr = event.pull_request;

    expect(await runRouted("pull_request", event)).toEqual([
      {
        handler: "handlePullRequest",
        args: [
          expect.objectContaining({ kind: "pull_request", pr: pr.number, sha: pr.head.sha, ref: `refs/heads/${pr.head.ref}` }),
          new Date(pr.updated_at),
        ],
      },
    ]);
  });

  it("routes pull_request closed to the closed handler with the number and head ref", async () => {
    const event = loadPayload("pull_request", { action: "closed" });

    expect(await runRouted("pull_request", event)).toEqual([
      { handler: "handlePullRequestClosed", args: [event.number, `refs/heads/${event.pull_request.head.ref}`] },
    ]);
  });

  it("routes a comment a user created on a pull request to the command handler", async () => {
    expect(await runRouted("issue_comment", commentPayload())).toEqual([
      { handler: "handleComment", args: [expect.objectContaining({ id: 555, pr: 7 })] },
    ]);
  });

  it("routes a status to the check handler", async () => {
    const event = loadPayload("status");

    expect(await runRouted("status", event)).toEqual([
      { handler: "handleCheck", args: [expect.objectContaining({ source: "status", sha: event.sha, context: event.context })] },
    ]);
  });

  it.each(["created", "completed", "rerequested"])("routes check_run %s to the check handler", async (action) => {
    const event = loadPayload("check_run", { action });

    expect(await runRouted("check_run", event)).toEqual([
      {
        handler: "handleCheck",
        args: [expect.objectContaining({ source: "check_run", sha: event.check_run.head_sha, context: event.check_run.name })],
      },
    ]);
  });

  it("routes check_suite completed to a re-evaluation of its head commit", async () => {
    const event = loadPayload("check_suite", { action: "completed" });

    expect(await runRouted("check_suite", event)).toEqual([{ handler: "processCommit", args: [event.check_suite.head_sha] }]);
  });

  it("routes a deployment to the deployment handler, without a status, under the repository being processed", async () => {
    const event = loadPayload("deployment");

    expect(await runRouted("deployment", event)).toEqual([
      {
        handler: "handleDeploymentEvent",
        args: [expect.objectContaining({ id: event.deployment.id, repoId: REPO_ID, sha: event.deployment.sha }), null],
      },
    ]);
  });

  it("routes a deployment_status to the deployment handler with the status", async () => {
    const event = loadPayload("deployment_status");

    expect(await runRouted("deployment_status", event)).toEqual([
      {
        handler: "handleDeploymentEvent",
        args: [
          expect.objectContaining({ id: event.deployment.id, repoId: REPO_ID }),
          expect.objectContaining({
            id: event.deployment_status.id,
            deploymentId: event.deployment.id,
            state: event.deployment_status.state,
          }),
        ],
      },
    ]);
  });

  it("routes a malformed payload anyway: reading it fails when the work runs, so the queue keeps the error", async () => {
    const work = routeDelivery("push", { ref: "refs/heads/main" });

    expect(work).toBeInstanceOf(Function);
    await expect(work?.(deps)).rejects.toThrow(TypeError);
    expect(calls).toEqual([]);
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
