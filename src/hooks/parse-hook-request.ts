import { isFullSha } from "../domain/full-sha.js";

/** What a hook request asks to deploy, whatever shape its body had. */
export type HookRequest =
  /** An empty body (or `{}`): the default branch's head. */
  | { readonly kind: "default" }
  /** `{"tag": "v2.0.1"}`: an image tag, which is deployed as the git ref of that name when there is one. */
  | { readonly kind: "tag"; readonly tag: string }
  /** `{"ref": "main"}`, `{"sha": "<40 hex>"}` or both (the sha is deployed, the ref names it). */
  | { readonly kind: "commit"; readonly ref: string | undefined; readonly sha: string | undefined }
  /** A Docker Hub push notification: the image pushed and its tag. */
  | { readonly kind: "docker_hub"; readonly image: string; readonly tag: string };

/** A parsed request, or why it cannot be one (the HTTP edge answers 415 or 400). */
export type HookRequestParse =
  | { readonly ok: true; readonly request: HookRequest }
  | { readonly ok: false; readonly error: "unsupported_media_type" | "invalid"; readonly message: string };

/** The bodies a hook accepts, for error answers. */
export const EXPECTED_HOOK_BODIES =
  'an empty body; {"tag": "v2.0.1"}; {"ref": "main"} and/or {"sha": "<40 hex digits>"}; or a Docker Hub push notification (push_data.tag and repository.repo_name)';

// Docker's own grammar for a tag; refs are limited to what git allows and URLs carry unescaped.
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const REF = /^(?!\/)(?!.*(?:\.\.|\/\/|\/$|\.lock$))[A-Za-z0-9_./-]{1,255}$/;
const IMAGE = /^[a-z0-9][a-z0-9._/:-]{0,254}$/;

const invalid = (message: string): HookRequestParse => ({ ok: false, error: "invalid", message });

/** Reads a hook request's body: JSON in one of the accepted shapes, or nothing at all. */
export function parseHookRequest(body: string, contentType: string | undefined): HookRequestParse {
  if (body.trim() === "") return { ok: true, request: { kind: "default" } };
  if (!isJson(contentType)) {
    return {
      ok: false,
      error: "unsupported_media_type",
      message: "Send the body as JSON with `Content-Type: application/json`.",
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    // JSON.parse's message quotes the body; nothing of it is echoed.
    return invalid("The body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return invalid("The body must be a JSON object.");
  const fields = value as Record<string, unknown>;
  if ("push_data" in fields || "repository" in fields) return parseDockerHub(fields);
  return parsePlain(fields);
}

function isJson(contentType: string | undefined): boolean {
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return mediaType === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

function parseDockerHub(fields: Record<string, unknown>): HookRequestParse {
  const pushData = fields["push_data"];
  const image = readField(fields["repository"], "repo_name");
  if (typeof pushData !== "object" || pushData === null || image === undefined) {
    return invalid("A Docker Hub notification needs `push_data` and `repository.repo_name`.");
  }
  // Older notifications carry no tag; an image pushed without one is Docker's `latest`.
  const tag = "tag" in pushData ? readField(pushData, "tag") : "latest";
  if (tag === undefined) return invalid("`push_data.tag` must be a string.");
  if (!TAG.test(tag)) return invalid("`push_data.tag` is not a Docker tag.");
  if (!IMAGE.test(image)) return invalid("`repository.repo_name` is not a Docker repository name.");
  return { ok: true, request: { kind: "docker_hub", image, tag } };
}

function parsePlain(fields: Record<string, unknown>): HookRequestParse {
  const keys = Object.keys(fields);
  const unknown = keys.find((key) => !["tag", "ref", "sha"].includes(key));
  if (unknown !== undefined) return invalid(`Unknown key ${JSON.stringify(unknown.slice(0, 40))}.`);
  if (keys.length === 0) return { ok: true, request: { kind: "default" } };
  for (const key of keys) {
    if (typeof fields[key] !== "string") return invalid(`\`${key}\` must be a string.`);
  }
  const { tag, ref, sha } = fields as { tag?: string; ref?: string; sha?: string };
  if (tag !== undefined) {
    if (keys.length > 1) return invalid("Send either `tag`, or `ref` and/or `sha`, not both.");
    if (!TAG.test(tag)) return invalid("`tag` must be a tag such as v2.0.1: letters, digits, `_`, `.` and `-`, at most 128.");
    return { ok: true, request: { kind: "tag", tag } };
  }
  if (ref !== undefined && !REF.test(ref)) return invalid("`ref` must be a branch or tag name such as main or v2.0.1.");
  if (sha !== undefined && !isFullSha(sha)) return invalid("`sha` must be a full commit SHA: 40 hexadecimal digits.");
  return { ok: true, request: { kind: "commit", ref, sha: sha?.toLowerCase() } };
}

function readField(container: unknown, key: string): string | undefined {
  if (typeof container !== "object" || container === null) return undefined;
  const value = (container as Record<string, unknown>)[key];
  return typeof value === "string" ? value : undefined;
}
