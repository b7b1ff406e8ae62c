import type { FakeState } from "./fake-github-state.js";
import { field, type RouteHandler, type RouteRequest, type RouteResponse } from "./route-handler.js";
import { htmlPage } from "./html-page.js";
import { issueCode, issueUserTokens, redeemCode, redeemRefreshToken, type FakeUser } from "./user-state.js";

const TROUBLESHOOTING = "https://docs.github.com/apps/managing-oauth-apps";

/** GitHub's answers to a token request it refuses (always 200), by `error`; the two a clean run never sees are marked refused. */
const TOKEN_ERRORS = {
  incorrect_client_credentials: {
    description: "The client_id and/or client_secret passed are incorrect.",
    uri: `${TROUBLESHOOTING}/troubleshooting-oauth-app-access-token-request-errors/#incorrect-client-credentials`,
    refused: true,
  },
  redirect_uri_mismatch: {
    description: "The redirect_uri MUST match the registered callback URL for this application.",
    uri: `${TROUBLESHOOTING}/troubleshooting-oauth-app-access-token-request-errors/#redirect-uri-mismatch`,
    refused: true,
  },
  bad_verification_code: {
    description: "The code passed is incorrect or expired.",
    uri: `${TROUBLESHOOTING}/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code`,
    refused: false,
  },
  bad_refresh_token: {
    description: "The refresh token passed is incorrect or expired.",
    uri: "https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens",
    refused: false,
  },
} as const;

/**
 * `GET /login/oauth/authorize?client_id=&redirect_uri=&state=`: the user `signInAs` chose is sent back
 * to `redirect_uri` with `?code=<one-time code>&state=<state>` at once, as GitHub does for a user who
 * authorized the app before; after `denyNextSignIn`, with `?error=access_denied…&state=`. An unknown
 * client answers GitHub's 404 page, a missing `redirect_uri` 400, nobody signed in 403: pages a
 * person can read in a screenshot, and recorded as unexpected.
 */
export const authorizeUser: RouteHandler = (request, state) => {
  const { client_id: clientId, redirect_uri: redirectUri, state: oauthState } = request.query;
  if (state.oauthClient === undefined || clientId !== state.oauthClient.clientId) {
    return htmlPage(
      404,
      "Page not found",
      `No GitHub App has the client_id "${clientId ?? ""}" (the fake's is set by startFakeGitHub({ oauth })).`,
      true,
    );
  }
  const target = absoluteUrl(redirectUri);
  if (target === undefined) {
    return htmlPage(
      400,
      "Bad request",
      `redirect_uri must be the app's absolute http(s) callback URL, got "${redirectUri ?? ""}".`,
      true,
    );
  }
  if (state.users.deniedSignIns > 0) {
    state.users.deniedSignIns -= 1;
    return redirect(target, {
      error: "access_denied",
      error_description: "The user has denied your application access.",
      error_uri: `${TROUBLESHOOTING}/troubleshooting-authorization-request-errors/#access-denied`,
      state: oauthState,
    });
  }
  const user = state.users.signedIn;
  if (user === undefined) {
    return htmlPage(
      403,
      "Nobody is signed in",
      "The test did not say who signs in to the fake GitHub: call github.signInAs(login) first.",
      true,
    );
  }
  return redirect(target, { code: issueCode(state.users, user, target.href, request.at), state: oauthState });
};

/**
 * `POST /login/oauth/access_token` with `client_id`, `client_secret` and either `code` (and
 * `redirect_uri`) or `grant_type=refresh_token` and `refresh_token`, as JSON, a form or the query: a
 * new user access token (8 hours) and refresh token (6 months), the code or refresh token used up.
 * Refusals are 200 with `{ error, error_description, error_uri }`, as on GitHub. Answers JSON to
 * `Accept: application/json` (what Octokit sends), else a form, as GitHub does.
 */
export const exchangeCode: RouteHandler = (request, state) => {
  const param = (name: string) => stringParam(request, name);
  const client = state.oauthClient;
  if (client === undefined || param("client_id") !== client.clientId || param("client_secret") !== client.clientSecret) {
    return tokenError(request, "incorrect_client_credentials");
  }
  if (param("grant_type") === "refresh_token") {
    const user = redeemRefreshToken(state.users, param("refresh_token") ?? "", request.at);
    return user === undefined ? tokenError(request, "bad_refresh_token") : tokens(request, state, user);
  }
  const issued = redeemCode(state.users, param("code") ?? "", request.at);
  if (issued === undefined) return tokenError(request, "bad_verification_code");
  const redirectUri = param("redirect_uri");
  if (redirectUri !== undefined && absoluteUrl(redirectUri)?.href !== issued.redirectUri) {
    return tokenError(request, "redirect_uri_mismatch");
  }
  return tokens(request, state, issued.user);
};

function tokens(request: RouteRequest, state: FakeState, user: FakeUser): RouteResponse {
  return oauthAnswer(request, { ...issueUserTokens(state.users, user, request.at) });
}

function tokenError(request: RouteRequest, error: keyof typeof TOKEN_ERRORS): RouteResponse {
  const { description, uri, refused } = TOKEN_ERRORS[error];
  return { ...oauthAnswer(request, { error, error_description: description, error_uri: uri }), refused };
}

function oauthAnswer(request: RouteRequest, fields: Record<string, string | number>): RouteResponse {
  if ((request.headers.accept ?? "").includes("json")) return { status: 200, body: fields };
  const form = new URLSearchParams(Object.entries(fields).map(([key, value]) => [key, String(value)]));
  return { status: 200, body: form.toString(), headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" } };
}

function redirect(target: URL, params: Record<string, string | undefined>): RouteResponse {
  const url = new URL(target);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return { status: 302, headers: { location: url.href } };
}

function absoluteUrl(text: string | undefined): URL | undefined {
  if (text === undefined || !URL.canParse(text)) return undefined;
  const url = new URL(text);
  return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
}

/** A parameter from the body (JSON or form), else the query. */
function stringParam(request: RouteRequest, name: string): string | undefined {
  const value = field(request.body, name);
  return typeof value === "string" ? value : request.query[name];
}
