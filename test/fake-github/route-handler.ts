import type { IncomingHttpHeaders } from "node:http";
import type { FakeState } from "./fake-github-state.js";
import { stableId } from "./stable-id.js";

/** One request as a route sees it, already matched to its operation and validated. */
export interface RouteRequest {
  /** Path parameters, URL-decoded (`path` is `.github/deploy.yml`). */
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly headers: IncomingHttpHeaders;
  /** `owner/name` when the route names a repository, else empty. */
  readonly repo: string;
  /** Arrival time, epoch ms. */
  readonly at: number;
  /** `http://127.0.0.1:<port>/api/v3`, for the URLs in answers. */
  readonly apiUrl: string;
  /** `http://127.0.0.1:<port>`: GitHub's web host, for `html_url`s and the OAuth web flow. */
  readonly webUrl: string;
}

/** What a route answers: an object is sent as JSON, a string as text. */
export interface RouteResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** A request a clean run never makes (an unknown OAuth client, say): recorded as unexpected. */
  readonly refused?: boolean;
}

/** Answers one operation from (and into) the fake's state. */
export type RouteHandler = (request: RouteRequest, state: FakeState) => RouteResponse;

/** GitHub's 404 answer. */
export function notFound(): RouteResponse {
  return { status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" } };
}

/** A string field of a JSON body, or `undefined`. */
export function stringField(body: unknown, key: string): string | undefined {
  const value = field(body, key);
  return typeof value === "string" ? value : undefined;
}

/** Any field of a JSON object body, or `undefined`. */
export function field(body: unknown, key: string): unknown {
  return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>)[key] : undefined;
}

/** A timestamp as GitHub writes them: ISO 8601 in UTC, whole seconds. */
export function githubTime(at: number): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The `user` object GitHub embeds in answers, for a login. */
export function githubUser(login: string, type: "User" | "Bot" = "User") {
  return { login, id: userId(login), node_id: `U_${login}`, type, site_admin: false };
}

/** A user's (or organisation's) id: the same in every answer of the fake. */
export function userId(login: string): number {
  return stableId(`user:${login.toLowerCase()}`);
}
