import type { FakeDeployment } from "./fake-github-types.js";
import { field, githubTime, githubUser, notFound, stringField, type RouteHandler } from "./route-handler.js";

/**
 * `POST /repos/{owner}/{repo}/deployments`: 201 with the next id; `sha` is the `ref` sent (Deliverybot
 * sends a SHA). `required_contexts` is recorded and never enforced.
 */
export const createDeployment: RouteHandler = (request, state) => {
  const ref = stringField(request.body, "ref") ?? "";
  const payload = field(request.body, "payload");
  const requiredContexts = field(request.body, "required_contexts");
  const deployment: FakeDeployment = {
    id: state.nextId("deployment"),
    repo: request.repo,
    sha: ref,
    ref,
    environment: stringField(request.body, "environment") ?? "production",
    task: stringField(request.body, "task") ?? "deploy",
    payload: typeof payload === "string" ? parseJsonOr(payload) : (payload ?? {}),
    description: stringField(request.body, "description") ?? null,
    requiredContexts: Array.isArray(requiredContexts) ? requiredContexts.map(String) : undefined,
    createdAt: githubTime(request.at),
    at: request.at,
  };
  state.deployments.push(deployment);
  return { status: 201, body: deploymentJson(deployment, request.apiUrl, request.body) };
};

/** `GET /repos/{owner}/{repo}/deployments?sha=&ref=&task=&environment=`: newest first, one page. */
export const listDeployments: RouteHandler = (request, state) => {
  const { sha, ref, task, environment } = request.query;
  const perPage = Math.min(Number(request.query["per_page"] ?? 30) || 30, 100);
  const page = Math.max(Number(request.query["page"] ?? 1) || 1, 1);
  const found = state.deployments
    .filter((d) => d.repo === request.repo)
    .filter((d) => (sha === undefined || d.sha === sha) && (ref === undefined || d.ref === ref))
    .filter((d) => (task === undefined || d.task === task) && (environment === undefined || d.environment === environment))
    .reverse()
    .slice((page - 1) * perPage, page * perPage);
  return { status: 200, body: found.map((d) => deploymentJson(d, request.apiUrl, undefined)) };
};

/** `POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses`: 201, or 404 for an unknown deployment. */
export const createDeploymentStatus: RouteHandler = (request, state) => {
  const deploymentId = Number(request.params["deployment_id"]);
  const deployment = state.deployments.find((d) => d.id === deploymentId && d.repo === request.repo);
  if (deployment === undefined) return notFound();
  const id = state.nextId("status");
  const state_ = stringField(request.body, "state") ?? "pending";
  const description = stringField(request.body, "description") ?? null;
  state.deploymentStatuses.push({ id, deploymentId, repo: request.repo, state: state_, description });
  const repoUrl = `${request.apiUrl}/repos/${request.repo}`;
  const createdAt = githubTime(request.at);
  return {
    status: 201,
    body: {
      id,
      node_id: `DES_${id}`,
      state: state_,
      description: description ?? "",
      environment: stringField(request.body, "environment") ?? deployment.environment,
      target_url: stringField(request.body, "target_url") ?? "",
      log_url: stringField(request.body, "log_url") ?? "",
      environment_url: stringField(request.body, "environment_url") ?? "",
      creator: githubUser("deliverybot[bot]", "Bot"),
      created_at: createdAt,
      updated_at: createdAt,
      url: `${repoUrl}/deployments/${deploymentId}/statuses/${id}`,
      deployment_url: `${repoUrl}/deployments/${deploymentId}`,
      repository_url: repoUrl,
    },
  };
};

function deploymentJson(deployment: FakeDeployment, apiUrl: string, body: unknown) {
  const repoUrl = `${apiUrl}/repos/${deployment.repo}`;
  return {
    id: deployment.id,
    node_id: `DE_${deployment.id}`,
    url: `${repoUrl}/deployments/${deployment.id}`,
    sha: deployment.sha,
    ref: deployment.ref,
    task: deployment.task,
    payload: deployment.payload,
    original_environment: deployment.environment,
    environment: deployment.environment,
    description: deployment.description,
    creator: githubUser("deliverybot[bot]", "Bot"),
    created_at: deployment.createdAt,
    updated_at: deployment.createdAt,
    statuses_url: `${repoUrl}/deployments/${deployment.id}/statuses`,
    repository_url: repoUrl,
    transient_environment: field(body, "transient_environment") === true,
    production_environment: field(body, "production_environment") === true,
  };
}

function parseJsonOr(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
