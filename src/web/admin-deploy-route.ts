import type { IncomingMessage } from "node:http";
import type { Logger } from "probot";
import type { OpenRepoContext } from "../deploy/repo-context.js";
import { handleExternalDeploy } from "../hooks/handle-hook-deploy.js";
import { isRequestId } from "../hooks/hook-request-id.js";
import type { HookResponse } from "../hooks/hook-response.js";
import { parseHookRequest, type HookRequest } from "../hooks/parse-hook-request.js";
import { MAX_ADMIN_BODY_BYTES } from "./admin-hooks-route.js";
import { adminError, createAdminRoute, findInstalledRepository, type FindRepository } from "./admin-route.js";
import { readAdminBody, readRepositoryField } from "./read-admin-body.js";
import { readLimitedBody } from "./read-limited-body.js";

/** What `POST /admin/deploy` runs with. */
export interface AdminDeployRouteOptions {
  readonly log: Logger;
  /** The admin token; undefined or too short: the route is absent. */
  readonly adminToken: string | undefined;
  /** Finds the app's installation on a repository; rejects with GitHub's error (`status: 404` when not installed). */
  readonly findRepository: FindRepository;
  /** The context of work on a repository, as the app's installation on it. */
  readonly openRepo: OpenRepoContext;
}

const PATH = /^\/admin\/deploy\/?$/;
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
  const deps = await options.openRepo({ repo, installationId: repository.installationId }, { log, origin: null });
  const response = await handleExternalDeploy(deps, {
    requester: { kind: "admin" },
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
  const body = readAdminBody(text, EXPECTED_BODY, ["repository", "target", "ref", "requestId"]);
  if (!body.ok) return { error: body.error };
  const { target, ref, requestId } = body.fields;
  const repository = readRepositoryField(body.fields, EXPECTED_BODY);
  if ("error" in repository) return repository;
  if (typeof target !== "string") return { error: `"target" is missing; ${EXPECTED_BODY}` };
  if (ref !== undefined && typeof ref !== "string") return { error: `"ref" must be a string; ${EXPECTED_BODY}` };
  if (requestId !== undefined && typeof requestId !== "string")
    return { error: `"requestId" must be a string; ${EXPECTED_BODY}` };
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
  return { ...repository, target, request, requestId };
}
