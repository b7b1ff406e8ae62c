import { createHash } from "node:crypto";
import { INSTALLATION_PERMISSIONS } from "../helpers/installation-permissions.js";
import { githubTime, notFound, type RouteHandler } from "./route-handler.js";

/** The only file the fake serves. */
const CONFIG_PATH = ".github/deploy.yml";

/** Installation tokens last an hour, as on GitHub. */
const TOKEN_LIFETIME_MS = 3_600_000;

/** `POST /app/installations/{installation_id}/access_tokens`: a new token, valid for an hour. */
export const createInstallationToken: RouteHandler = (request, state) => {
  const token = `ghs_fake${request.params["installation_id"] ?? ""}x${state.nextId("token")}`;
  state.tokens.add(token);
  return {
    status: 201,
    body: {
      token,
      expires_at: githubTime(request.at + TOKEN_LIFETIME_MS),
      permissions: INSTALLATION_PERMISSIONS,
      repository_selection: "all",
    },
  };
};

/**
 * `GET /repos/{owner}/{repo}/contents/{path}` for `.github/deploy.yml` at any ref: the raw text
 * when asked for `application/vnd.github.raw` (Probot's config loader), else GitHub's JSON with
 * base64 content. Every answer carries an ETag; a matching `If-None-Match` answers 304.
 */
export const getContent: RouteHandler = (request, state) => {
  const text = request.params["path"] === CONFIG_PATH ? state.configs.get(request.repo) : undefined;
  if (text === undefined) return notFound();
  const raw = (request.headers.accept ?? "").includes(".raw");
  const etag = `"${createHash("sha256")
    .update(`${raw ? "raw" : "json"}\n${text}`)
    .digest("hex")}"`;
  if (matchesEtag(request.headers["if-none-match"], etag)) return { status: 304, headers: { etag } };
  if (raw) return { status: 200, body: text, headers: { etag } };
  return { status: 200, body: contentJson(request.repo, text, request.apiUrl), headers: { etag } };
};

/** Whether an `If-None-Match` header names the ETag (weak or strong). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === etag);
}

function contentJson(repo: string, text: string, apiUrl: string) {
  const sha = createHash("sha1")
    .update(`blob ${Buffer.byteLength(text)}\0${text}`)
    .digest("hex");
  const url = `${apiUrl}/repos/${repo}/contents/${CONFIG_PATH}`;
  return {
    type: "file",
    encoding: "base64",
    // GitHub wraps the base64 text every 60 characters.
    content: (
      Buffer.from(text)
        .toString("base64")
        .match(/.{1,60}/g) ?? []
    ).join("\n"),
    name: "deploy.yml",
    path: CONFIG_PATH,
    sha,
    size: Buffer.byteLength(text),
    url,
    git_url: `${apiUrl}/repos/${repo}/git/blobs/${sha}`,
    html_url: null,
    download_url: null,
    _links: { self: url, git: `${apiUrl}/repos/${repo}/git/blobs/${sha}`, html: null },
  };
}
