import { handleAdminPromote } from "../hooks/handle-admin-promote.js";
import type { HookResponse } from "../hooks/hook-response.js";
import { createAdminRoute } from "./admin-route.js";
import { answerRepositoryPost, type AdminRepositoryRouteOptions } from "./answer-repository-post.js";
import { readAdminBody, readRepositoryField, readRequestIdField, readTargetField } from "./read-admin-body.js";

const PATH = /^\/admin\/promote\/?$/;

/**
 * The admin API behind `deliverybot promote`: `POST /admin/promote` with `Authorization: Bearer
 * <ADMIN_TOKEN>` and `{repository, from, to, requestId?}` deploys to `to` what succeeded in
 * `from`'s environment, as `/promote` does, through the gates of `POST /admin/deploy`. Without a
 * usable `ADMIN_TOKEN` the route does not exist.
 */
export function createAdminPromoteRoute(options: AdminRepositoryRouteOptions) {
  return createAdminRoute(PATH, options.adminToken, options.log, (req) =>
    answerRepositoryPost(req, options, parsePromoteBody, async (deps, input): Promise<HookResponse> => {
      const response = await handleAdminPromote(deps, input);
      deps.log.info({ from: input.from, to: input.to, status: response.status }, "admin: promotion requested");
      return response;
    }),
  );
}

type PromoteInput =
  | {
      readonly owner: string;
      readonly repo: string;
      readonly from: string;
      readonly to: string;
      readonly requestId: string | undefined;
    }
  | { readonly error: string };

const EXPECTED_BODY =
  'expected JSON {"repository": "owner/name", "from": "staging", "to": "production", "requestId"?: "release-41"}';

function parsePromoteBody(text: string): PromoteInput {
  const body = readAdminBody(text, EXPECTED_BODY, ["repository", "from", "to", "requestId"]);
  if (!body.ok) return { error: body.error };
  const repository = readRepositoryField(body.fields, EXPECTED_BODY);
  if ("error" in repository) return repository;
  const from = readTargetField(body.fields, "from", EXPECTED_BODY);
  if ("error" in from) return from;
  const to = readTargetField(body.fields, "to", EXPECTED_BODY);
  if ("error" in to) return to;
  const requestId = readRequestIdField(body.fields, EXPECTED_BODY);
  if ("error" in requestId) return requestId;
  return { ...repository, from: from.target, to: to.target, requestId: requestId.requestId };
}
