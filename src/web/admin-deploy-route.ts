import { isFullSha } from "../domain/full-sha.js";
import { handleExternalDeploy } from "../hooks/handle-hook-deploy.js";
import type { HookResponse } from "../hooks/hook-response.js";
import { parseHookRequest, type HookRequest } from "../hooks/parse-hook-request.js";
import { createAdminRoute } from "./admin-route.js";
import { answerRepositoryPost, type AdminRepositoryRouteOptions } from "./answer-repository-post.js";
import { readAdminBody, readRepositoryField, readRequestIdField, readTargetField } from "./read-admin-body.js";

const PATH = /^\/admin\/deploy\/?$/;

/**
 * The admin API behind `deliverybot deploy`: `POST /admin/deploy` with `Authorization: Bearer
 * <ADMIN_TOKEN>` and `{repository, target, ref?, requestId?}` creates a deployment with the app's
 * own credentials, through the gates a hook deploy passes except the target's `hooks` opt-in: the
 * admin token is the permission. Without a usable `ADMIN_TOKEN` the route does not exist.
 */
export function createAdminDeployRoute(options: AdminRepositoryRouteOptions) {
  return createAdminRoute(PATH, options.adminToken, options.log, (req) =>
    answerRepositoryPost(req, options, parseDeployBody, async (deps, input): Promise<HookResponse> => {
      const response = await handleExternalDeploy(deps, {
        requester: { kind: "admin" },
        request: input.request,
        target: input.target,
        requestId: input.requestId,
        // Without a request id, the same target and commit is the same request: a retry deploys nothing.
        body: "",
      });
      deps.log.info({ target: input.target, status: response.status }, "admin: deploy requested");
      return response;
    }),
  );
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
  const repository = readRepositoryField(body.fields, EXPECTED_BODY);
  if ("error" in repository) return repository;
  const target = readTargetField(body.fields, "target", EXPECTED_BODY);
  if ("error" in target) return target;
  const requestId = readRequestIdField(body.fields, EXPECTED_BODY);
  if ("error" in requestId) return requestId;
  const { ref } = body.fields;
  if (ref !== undefined && typeof ref !== "string") return { error: `"ref" must be a string; ${EXPECTED_BODY}` };
  let request: HookRequest = { kind: "default" };
  if (ref !== undefined) {
    // A ref is read as a hook's: a full SHA is a commit, anything else a branch or tag.
    const parsed = parseHookRequest(JSON.stringify(isFullSha(ref) ? { sha: ref } : { ref }), "application/json");
    if (!parsed.ok) return { error: `"ref" must be a branch, tag or full commit SHA, got ${JSON.stringify(ref.slice(0, 100))}` };
    request = parsed.request;
  }
  return { ...repository, target: target.target, request, requestId: requestId.requestId };
}
