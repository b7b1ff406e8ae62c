import type { IncomingMessage } from "node:http";
import type { Logger } from "probot";
import { HOOK_NAME_PATTERN } from "../config/schema.js";
import { createHook } from "../hooks/create-hook.js";
import { hookResponse, type HookResponse } from "../hooks/hook-response.js";
import type { HookRecord, HookStore } from "../store/hook-store.js";
import { adminError, createAdminRoute, findInstalledRepository, type FindRepository } from "./admin-route.js";
import { decodePathSegment, isRepositoryName, readAdminBody, readRepositoryField } from "./read-admin-body.js";
import { readLimitedBody } from "./read-limited-body.js";

/** Admin request bodies past this many bytes are refused with 413. */
export const MAX_ADMIN_BODY_BYTES = 64 * 1024;

/** What the admin API runs with. */
export interface AdminHooksRouteOptions {
  readonly store: Pick<HookStore, "createHook" | "listHooks" | "revokeHook">;
  readonly now: () => Date;
  readonly log: Logger;
  /** The admin token; undefined or shorter than {@link MIN_ADMIN_TOKEN_LENGTH}: the routes are absent. */
  readonly adminToken: string | undefined;
  /** The app's public address for hook URLs (`PUBLIC_URL`); else `http://<Host header>`. */
  readonly publicUrl: string | undefined;
  /** Finds the app's installation on a repository; rejects with GitHub's error (`status: 404` when not installed). */
  readonly findRepository: FindRepository;
}

const PATH = /^\/admin\/hooks(?:\/([^/]+))?\/?$/;
const HOOK_NAME = new RegExp(HOOK_NAME_PATTERN);

const error = adminError;

/**
 * The admin API behind `deliverybot hooks`: `POST /admin/hooks`, `GET /admin/hooks[?repository=]`
 * and `DELETE /admin/hooks/<id>`, with `Authorization: Bearer <ADMIN_TOKEN>`. It lets the CLI
 * manage hooks without opening the store, which only the app's process may. Without a usable
 * `ADMIN_TOKEN` the routes do not exist (Probot answers 404).
 */
export function createAdminHooksRoute(options: AdminHooksRouteOptions) {
  return createAdminRoute(PATH, options.adminToken, options.log, (req, url, match) => answer(req, url, match[1], options));
}

async function answer(
  req: IncomingMessage,
  url: URL,
  rawId: string | undefined,
  options: AdminHooksRouteOptions,
): Promise<HookResponse> {
  if (rawId !== undefined) {
    if (req.method !== "DELETE") return error(405, "method not allowed", { allow: "DELETE" });
    const id = decodePathSegment(rawId);
    const revoked = id !== undefined && (await options.store.revokeHook(id, options.now()));
    return revoked ? hookResponse(200, { revoked: true }) : error(404, `no active hook ${JSON.stringify(id ?? rawId)}`);
  }
  if (req.method === "GET") return listHooks(url, options);
  if (req.method === "POST") return createHookFromRequest(req, options);
  return error(405, "method not allowed", { allow: "GET, POST" });
}

async function listHooks(url: URL, options: AdminHooksRouteOptions): Promise<HookResponse> {
  const repository = url.searchParams.get("repository");
  if (repository !== null && !isRepositoryName(repository)) {
    return error(400, `repository must be owner/name, got ${JSON.stringify(repository)}`);
  }
  const wanted = repository?.toLowerCase();
  const hooks = (await options.store.listHooks()).filter(
    (hook) => wanted === undefined || `${hook.owner}/${hook.repo}`.toLowerCase() === wanted,
  );
  return hookResponse(200, { hooks: hooks.map(describeHook) });
}

/** What the API shows of a hook: never its token hash. */
function describeHook(hook: HookRecord) {
  return {
    id: hook.id,
    name: hook.name,
    repository: `${hook.owner}/${hook.repo}`,
    createdAt: hook.createdAt.toISOString(),
    revokedAt: hook.revokedAt?.toISOString() ?? null,
  };
}

async function createHookFromRequest(req: IncomingMessage, options: AdminHooksRouteOptions): Promise<HookResponse> {
  const body = await readLimitedBody(req, MAX_ADMIN_BODY_BYTES);
  if (!body.ok) return error(413, `body too large (limit ${MAX_ADMIN_BODY_BYTES} bytes)`, { connection: "close" });
  const input = parseCreateBody(body.text);
  if ("error" in input) return error(400, input.error);

  const repository = await findInstalledRepository(options.findRepository, options.log, input.owner, input.repo);
  if (!("repoId" in repository)) return repository;

  const { hook, token } = await createHook(options.store, { ...repository, name: input.name }, options.now());
  const url = `${baseUrl(req, options.publicUrl)}/hooks/deploy/${hook.id}`;
  options.log.info({ hook: hook.id, repo: `${hook.owner}/${hook.repo}`, name: hook.name }, "admin: hook created");
  return hookResponse(201, { id: hook.id, name: hook.name, repository: `${hook.owner}/${hook.repo}`, url, token });
}

type CreateInput = { readonly owner: string; readonly repo: string; readonly name: string } | { readonly error: string };

const EXPECTED_BODY = 'expected JSON {"repository": "owner/name", "name": "dockerhub"}';

function parseCreateBody(text: string): CreateInput {
  const body = readAdminBody(text, EXPECTED_BODY);
  if (!body.ok) return { error: body.error };
  const repository = readRepositoryField(body.fields, EXPECTED_BODY);
  if ("error" in repository) return repository;
  const { name } = body.fields;
  if (typeof name !== "string") return { error: `"name" is missing; ${EXPECTED_BODY}` };
  if (!HOOK_NAME.test(name)) {
    return {
      error: `invalid hook name ${JSON.stringify(name)}: use lower-case letters, digits and -, starting with a letter or digit, at most 40 characters (e.g. dockerhub)`,
    };
  }
  return { ...repository, name };
}

function baseUrl(req: IncomingMessage, publicUrl: string | undefined): string {
  if (publicUrl !== undefined && publicUrl !== "") return publicUrl.replace(/\/+$/, "");
  return `http://${req.headers.host ?? "localhost"}`;
}
