import { expect } from "@jest/globals";
/** Answers shaped as GitHub sends them, for the mock's replies. */

const REPO_URL = "https://api.github.com/repos/acme/shop";
const CREATED_AT = "2026-11-23T10:00:00Z";

/** A `POST /repos/{owner}/{repo}/deployments` 201 answer. */
export function deployment(id: number, sha = "d6fde92930d4715a2b49857d24b940956b26d2d3") {
  return {
    id,
    url: `${REPO_URL}/deployments/${id}`,
    node_id: "MDEwOkRlcGxveW1lbnQx",
    sha,
    ref: sha,
    task: "deploy",
    payload: {},
    environment: "production",
    description: "",
    creator: null,
    created_at: CREATED_AT,
    updated_at: CREATED_AT,
    statuses_url: `${REPO_URL}/deployments/${id}/statuses`,
    repository_url: REPO_URL,
  };
}

/** A `POST /repos/{owner}/{repo}/deployments/{id}/statuses` 201 answer. */
export function deploymentStatus(id: number, deploymentId: number, state: string) {
  return {
    id,
    node_id: "MDE2OkRlcGxveW1lbnRTdGF0dXMx",
    state,
    description: "",
    environment: "production",
    url: `${REPO_URL}/deployments/${deploymentId}/statuses/${id}`,
    deployment_url: `${REPO_URL}/deployments/${deploymentId}`,
    repository_url: REPO_URL,
    creator: null,
    created_at: CREATED_AT,
    updated_at: CREATED_AT,
    target_url: "",
  };
}

/** What every deployment payload Deliverybot creates carries: a 32-hex-digit key that identifies its claim. */
export const IDEMPOTENCY_KEY: unknown = expect.stringMatching(/^[0-9a-f]{32}$/);

/** One entry of GitHub's list of a comparison's or a pull request's files. */
export function changedFile(filename: string, previous?: string) {
  return {
    sha: "bbcd538c8e72b8c175046e27cc8f907076331401",
    filename,
    status: previous === undefined ? "modified" : "renamed",
    additions: 1,
    deletions: 0,
    changes: 1,
    blob_url: `https://github.com/acme/shop/blob/main/${filename}`,
    raw_url: `https://github.com/acme/shop/raw/main/${filename}`,
    contents_url: `https://api.github.com/repos/acme/shop/contents/${filename}`,
    ...(previous === undefined ? {} : { previous_filename: previous }),
  };
}
