import type { FakeComment } from "./fake-github-types.js";
import { repositoryId } from "./register-repository.js";
import { field, githubTime, githubUser, notFound, stringField, type RouteHandler, type RouteRequest } from "./route-handler.js";

/** `POST /repos/{owner}/{repo}/check-runs`: 201, recorded. */
export const createCheckRun: RouteHandler = (request, state) => {
  const id = state.nextId("checkRun");
  const name = stringField(request.body, "name") ?? "";
  const headSha = stringField(request.body, "head_sha") ?? "";
  const conclusion = stringField(request.body, "conclusion") ?? null;
  state.checkRuns.push({ id, repo: request.repo, name, headSha, conclusion });
  const url = `${request.apiUrl}/repos/${request.repo}/check-runs/${id}`;
  return {
    status: 201,
    body: {
      id,
      node_id: `CR_${id}`,
      head_sha: headSha,
      external_id: "",
      url,
      html_url: null,
      details_url: null,
      status: stringField(request.body, "status") ?? "queued",
      conclusion,
      started_at: githubTime(request.at),
      completed_at: stringField(request.body, "completed_at") ?? null,
      output: {
        title: null,
        summary: null,
        text: null,
        annotations_count: 0,
        annotations_url: `${url}/annotations`,
        ...outputOf(request),
      },
      name,
      check_suite: { id },
      app: null,
      pull_requests: [],
    },
  };
};

/** `POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions`: 201. */
export const createCommentReaction: RouteHandler = (request, state) => ({
  status: 201,
  body: {
    id: state.nextId("reaction"),
    node_id: "REA_1",
    user: githubUser("deliverybot[bot]", "Bot"),
    content: stringField(request.body, "content") ?? "",
    created_at: githubTime(request.at),
  },
});

/** `POST /repos/{owner}/{repo}/issues/{issue_number}/comments`: 201 with a new comment id, recorded. */
export const createComment: RouteHandler = (request, state) => {
  const comment: FakeComment = {
    id: state.nextId("comment"),
    repo: request.repo,
    issue: Number(request.params["issue_number"]),
    body: stringField(request.body, "body") ?? "",
    edits: 0,
  };
  state.comments.push(comment);
  return { status: 201, body: commentJson(comment, request) };
};

/** `PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}`: 200, or 404 for a comment the fake did not create. */
export const updateComment: RouteHandler = (request, state) => {
  const id = Number(request.params["comment_id"]);
  const comment = state.comments.find((c) => c.id === id && c.repo === request.repo);
  if (comment === undefined) return notFound();
  comment.body = stringField(request.body, "body") ?? comment.body;
  comment.edits += 1;
  return { status: 200, body: commentJson(comment, request) };
};

/** `GET /repos/{owner}/{repo}/collaborators/{username}/permission`: as set, else the default permission. */
export const getPermission: RouteHandler = (request, state) => {
  const login = request.params["username"] ?? "";
  const permission = state.permissions.get(`${request.repo}:${login.toLowerCase()}`) ?? state.defaultPermission;
  return { status: 200, body: { permission, role_name: permission, user: githubUser(login) } };
};

/** `GET /repos/{owner}/{repo}/pulls/{pull_number}`: a pull request set with `setPullRequest`, else 404. */
export const getPullRequest: RouteHandler = (request, state) => {
  const number = Number(request.params["pull_number"]);
  const pr = state.pullRequests.get(`${request.repo}#${number}`);
  if (pr === undefined) return notFound();
  const [owner = "", name = ""] = request.repo.split("/");
  const base = { id: repositoryId(state, request.repo), name, full_name: request.repo, owner: githubUser(owner), fork: false };
  const head =
    pr.fromFork === true ? { ...base, id: base.id + 1, full_name: `fork/${name}`, owner: githubUser("fork"), fork: true } : base;
  return {
    status: 200,
    body: {
      id: number,
      number,
      state: pr.state ?? "open",
      draft: pr.draft ?? false,
      merged: false,
      title: `Pull request ${number}`,
      user: githubUser(pr.author ?? head.owner.login),
      url: `${request.apiUrl}/repos/${request.repo}/pulls/${number}`,
      head: {
        ref: pr.headRef ?? "feature",
        sha: pr.headSha,
        label: `${head.owner.login}:${pr.headRef ?? "feature"}`,
        repo: head,
      },
      base: { ref: "main", sha: "0".repeat(40), label: `${owner}:main`, repo: base },
    },
  };
};

function commentJson(comment: FakeComment, request: RouteRequest) {
  const at = githubTime(request.at);
  return {
    id: comment.id,
    node_id: `IC_${comment.id}`,
    url: `${request.apiUrl}/repos/${comment.repo}/issues/comments/${comment.id}`,
    html_url: `https://github.invalid/${comment.repo}/pull/${comment.issue}#issuecomment-${comment.id}`,
    issue_url: `${request.apiUrl}/repos/${comment.repo}/issues/${comment.issue}`,
    body: comment.body,
    user: githubUser("deliverybot[bot]", "Bot"),
    author_association: "NONE",
    created_at: at,
    updated_at: at,
  };
}

function outputOf(request: RouteRequest): Record<string, unknown> {
  const output = field(request.body, "output");
  return typeof output === "object" && output !== null
    ? { title: field(output, "title"), summary: field(output, "summary") }
    : {};
}

/** A workflow run's protection rule answer: kept as given, 204 like GitHub. */
export const reviewProtectionRule: RouteHandler = (request, state) => {
  const reviewState = stringField(request.body, "state");
  state.protectionReviews.push({
    repo: request.repo,
    runId: Number(request.params["run_id"]),
    environment: stringField(request.body, "environment_name") ?? "",
    state: reviewState === "approved" || reviewState === "rejected" ? reviewState : null,
    comment: stringField(request.body, "comment") ?? null,
  });
  return { status: 204 };
};
