import type { IncomingMessage } from "node:http";
import type { Logger } from "probot";
import type { GitHubPort } from "../github/github-port.js";
import { handleAskedDeploy } from "../hooks/handle-hook-deploy.js";
import { isRequestId } from "../hooks/hook-request-id.js";
import type { HookResponse } from "../hooks/hook-response.js";
import { parseHookRequest, type HookRequest } from "../hooks/parse-hook-request.js";
import type { Store } from "../store/store.js";
import { MAX_ADMIN_BODY_BYTES } from "./admin-hooks-route.js";
import {
  adminError,
  createAdminRoute,
  findInstalledRepository,
  type FindRepository,
  type InstalledRepository,
} from "./admin-route.js";
import { readLimitedBody } from "./read-limited-body.js";

/** What `POST /admin/deploy` runs with. */
export interface AdminDeployRouteOptions {
  readonly store: Store;
  readonly now: () => Date;
  readonly log: Logger;
  /** The admin token; undefined or too short: the route is absent. */
  readonly adminToken: string | undefined;
  /** Finds the app's installation on a repository; rejects with GitHub's error (`status: 404` when not installed). */
  readonly findRepository: FindRepository;
  /** GitHub for the repository, authenticated as the app's installation on it. */
  readonly github: (repository: InstalledRepository) => Promise<GitHubPort>;
}

const PATH = /^\/admin\/deploy\/?$/;
const REPOSITORY = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/;
const TARGET = /^[A-Za-z0-9_.-]{1,100}$/;
const SHA = /^[0-9a-fA-F]{40}$/;

const error = adminError;

/**
 * The admin API behind `deliverybot deploy`: `POST /admin/deploy` with `Authorization: Bearer
 * <ADMIN_TOKEN>` and `{repository, target, ref?, requestId?}` creates a deployment with the app's
 * own credentials, through the gates a hook deploy passes except the target's `hooks` opt-in: the
 * admin token is the permission. Without a usable `ADMIN_TOKEN` the route does not exist.
 */
export function createAdminDeployRoute(options: AdminDeployRouteOptions) {
  return createAdminRoute(PATH, options.adminToken, options.log, (req) => answer(req, options));
}

async function answer(req: IncomingMessage, options: AdminDeployRouteOptions): Promise<HookResponse> {
  if (req.method !== "POST") return error(405, "method not allowed", { allow: "POST" });
  const body = await readLimitedBody(req, MAX_ADMIN_BODY_BYTES);
  if (!body.ok) return error(413, `body too large (limit ${MAX_ADMIN_BODY_BYTES} bytes)`, { connection: "close" });
  const input = parseDeployBody(body.text);
  if ("error" in input) return error(400, input.error);

  const repository = await findInstalledRepository(options.findRepository, options.log, input.owner, input.repo);
  if (!("repoId" in repository)) return repository;

  const repo = { id: repository.repoId, owner: repository.owner, name: repository.repo };
  const log = options.log.child({ repo: `${repo.owner}/${repo.name}` });
  const deps = { store: options.store, github: await options.github(repository), log, now: options.now };
  const response = await handleAskedDeploy(deps, {
    requester: { kind: "admin" },
    repo,
    installationId: repository.installationId,
    request: input.request,
    target: input.target,
    requestId: input.requestId,
    // Without a request id, the same target and commit is the same request: a retry deploys nothing.
    body: "",
  });
  log.info({ target: input.target, status: response.status }, "admin: deploy requested");
  return response;
}

type DeployInput =
  | {
      readonly owner: string;
      readonly repo: string;
      readonly target: string;
      readonly request: HookRequest;
      readonly requestId: string | undefined;
    }
  | { readonly error: string };

const EXPECTED_BODY =
  'expected JSON {"repository": "owner/name", "target": "production", "ref"?: "main", "requestId"?: "build-41"}';

function parseDeployBody(text: string): DeployInput {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: `the body is not valid JSON; ${EXPECTED_BODY}` };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return { error: EXPECTED_BODY };
  const fields = value as Record<string, unknown>;
  const unknown = Object.keys(fields).find((key) => !["repository", "target", "ref", "requestId"].includes(key));
  if (unknown !== undefined) return { error: `unknown key ${JSON.stringify(unknown.slice(0, 40))}; ${EXPECTED_BODY}` };
  const { repository, target, ref, requestId } = fields;
  if (typeof repository !== "string") return { error: `"repository" is missing; ${EXPECTED_BODY}` };
  if (typeof target !== "string") return { error: `"target" is missing; ${EXPECTED_BODY}` };
  if (ref !== undefined && typeof ref !== "string") return { error: `"ref" must be a string; ${EXPECTED_BODY}` };
  if (requestId !== undefined && typeof requestId !== "string")
    return { error: `"requestId" must be a string; ${EXPECTED_BODY}` };
  const match = REPOSITORY.exec(repository);
  if (match === null) return { error: `"repository" must be owner/name, got ${JSON.stringify(repository)}` };
  if (!TARGET.test(target)) return { error: `"target" must be a target's name, got ${JSON.stringify(target.slice(0, 100))}` };
  if (requestId !== undefined && !isRequestId(requestId)) {
    return {
      error: `"requestId" must be 1 to 100 letters, digits, ".", "_" or "-", got ${JSON.stringify(requestId.slice(0, 100))}`,
    };
  }
  let request: HookRequest = { kind: "default" };
  if (ref !== undefined) {
    // A ref is read as a hook's: a full SHA is a commit, anything else a branch or tag.
    const parsed = parseHookRequest(JSON.stringify(SHA.test(ref) ? { sha: ref } : { ref }), "application/json");
    if (!parsed.ok) return { error: `"ref" must be a branch, tag or full commit SHA, got ${JSON.stringify(ref.slice(0, 100))}` };
    request = parsed.request;
  }
  return { owner: match[1] ?? "", repo: match[2] ?? "", target, request, requestId };
}
