import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { VisibleRepository } from "../github/user-github.js";
import { readLimitedBody } from "../web/read-limited-body.js";
import type { ActionResult } from "./actions/action-result.js";
import { parseDuration } from "../config/parse-duration.js";
import { approveFromDashboard } from "./actions/approve-from-dashboard.js";
import { deployFromDashboard } from "./actions/deploy-from-dashboard.js";
import { lockFromDashboard, unlockFromDashboard } from "./actions/lock-from-dashboard.js";
import { rollbackFromDashboard } from "./actions/rollback-from-dashboard.js";
import type { DashboardParts } from "./dashboard-parts.js";
import { sendPage, sendText } from "./send-page.js";
import { sameText } from "./sign-in-routes.js";
import type { SignedIn } from "./signed-in.js";
import { ActionResultPage } from "./views/action-result-page.js";
import { isFullSha } from "../domain/full-sha.js";

/** Form bodies past this many bytes are refused. */
export const MAX_FORM_BYTES = 8 * 1024;
const REQUEST_ID = /^[A-Za-z0-9_-]{16,64}$/;
/** A lock's or a rejection's reason, as the page takes it. */
const MAX_REASON_LENGTH = 200;
/** A pull request's number, or empty for none. */
const PR_NUMBER = /^(?:[1-9]\d{0,8})?$/;
/** The approval form's `verdict`, as the store names it. */
const VERDICTS: ReadonlyMap<string, "approved" | "rejected"> = new Map([
  ["approve", "approved"],
  ["reject", "rejected"],
]);
const INVALID_FORM: ActionResult = {
  kind: "refused",
  reason: "invalid_command",
  message: "The form is incomplete; reload the page and try again.",
};

/** A fresh id for a form: the action it sends is carried out once, however often the form is sent. */
export function newRequestId(): string {
  return randomBytes(12).toString("base64url");
}

/**
 * Reads an action's form and checks what every action needs: its size, the session's CSRF token,
 * the rate limit. Answers the request itself and resolves undefined when one fails.
 */
export async function readActionForm(
  req: IncomingMessage,
  res: ServerResponse,
  parts: DashboardParts,
  signedIn: SignedIn,
): Promise<URLSearchParams | undefined> {
  const web = parts.settings.github.web;
  const body = await readLimitedBody(req, MAX_FORM_BYTES);
  if (!body.ok) {
    sendText(res, 413, "Form too large.", web);
    return undefined;
  }
  const form = new URLSearchParams(body.text);
  if (!sameText(form.get("csrf") ?? "", signedIn.viewer.csrf)) {
    sendText(res, 403, "This form expired (CSRF check failed); reload the page and try again.", web);
    return undefined;
  }
  const limited = parts.actionLimiter.take(signedIn.session.id);
  if (!limited.allowed) {
    sendText(res, 429, "Too many actions; try again shortly.", web, { "retry-after": String(limited.retryAfterSeconds) });
    return undefined;
  }
  return form;
}

/** `POST /dashboard/<owner>/<repo>/deploy`: deploys as the signed-in user, through the gates of `/deploy`. */
export async function postDeploy(
  res: ServerResponse,
  parts: DashboardParts,
  signedIn: SignedIn,
  repo: VisibleRepository,
  form: URLSearchParams,
): Promise<void> {
  const requestId = form.get("request") ?? "";
  const target = form.get("target")?.trim() ?? "";
  const ref = form.get("ref")?.trim() ?? "";
  if (!REQUEST_ID.test(requestId) || target === "" || ref === "" || ref.length > 255) {
    return showResult(res, parts, signedIn, repo, "Deploy", {
      kind: "refused",
      reason: "invalid_command",
      message: "The form needs a target and a branch, tag or commit; reload the page and try again.",
    });
  }
  const deps = await openAsApp(parts, signedIn, repo, `dashboard:${requestId}`);
  const result = await deployFromDashboard(deps, {
    login: signedIn.viewer.login,
    target,
    ref,
    force: form.get("force") === "1",
    requestId,
  });
  showResult(res, parts, signedIn, repo, "Deploy", result);
}

/** `POST /dashboard/<owner>/<repo>/rollback`: the environment's previous successful commit, through the gates of `/rollback`. */
export async function postRollback(
  res: ServerResponse,
  parts: DashboardParts,
  signedIn: SignedIn,
  repo: VisibleRepository,
  form: URLSearchParams,
): Promise<void> {
  const requestId = form.get("request") ?? "";
  const environment = form.get("environment") ?? "";
  if (!REQUEST_ID.test(requestId) || environment === "") return showResult(res, parts, signedIn, repo, "Roll back", INVALID_FORM);
  const deps = await openAsApp(parts, signedIn, repo, `dashboard:${requestId}`);
  const result = await rollbackFromDashboard(deps, { login: signedIn.viewer.login, environment, requestId });
  showResult(res, parts, signedIn, repo, "Roll back", result);
}

/** `POST /dashboard/<owner>/<repo>/lock`: a target's environment (or every one, `target` empty), with a reason and a duration, as `/lock`. */
export async function postLock(
  res: ServerResponse,
  parts: DashboardParts,
  signedIn: SignedIn,
  repo: VisibleRepository,
  form: URLSearchParams,
): Promise<void> {
  const reason = form.get("reason")?.trim() ?? "";
  const duration = form.get("for")?.trim() ?? "";
  const forMs = duration === "" ? null : parseDuration(duration);
  if (forMs === undefined || reason.length > MAX_REASON_LENGTH) {
    return showResult(res, parts, signedIn, repo, "Lock", {
      kind: "refused",
      reason: "invalid_command",
      message: `The duration must look like 30m, 2h or 1d (or stay empty), and the reason have at most ${MAX_REASON_LENGTH} characters.`,
    });
  }
  const deps = await openAsApp(parts, signedIn, repo, "dashboard:lock");
  const target = form.get("target") || undefined;
  const result = await lockFromDashboard(deps, {
    login: signedIn.viewer.login,
    target,
    reason: reason === "" ? null : reason,
    forMs,
  });
  showResult(res, parts, signedIn, repo, "Lock", result);
}

/**
 * `POST /dashboard/<owner>/<repo>/approve`: approves (`verdict=approve`) or rejects (`verdict=reject`,
 * with a reason) a commit for a target, as the signed-in user, through the path of `/approve` and `/reject`.
 */
export async function postApprove(
  res: ServerResponse,
  parts: DashboardParts,
  signedIn: SignedIn,
  repo: VisibleRepository,
  form: URLSearchParams,
): Promise<void> {
  const verdict = VERDICTS.get(form.get("verdict") ?? "");
  const target = form.get("target")?.trim() ?? "";
  const sha = form.get("sha")?.trim() ?? "";
  const reason = form.get("reason")?.trim() ?? "";
  const pr = form.get("pr") ?? "";
  const title = verdict === "rejected" ? "Reject" : "Approve";
  if (verdict === undefined || target === "" || !isFullSha(sha) || !PR_NUMBER.test(pr)) {
    return showResult(res, parts, signedIn, repo, title, INVALID_FORM);
  }
  if (reason.length > MAX_REASON_LENGTH) {
    return showResult(res, parts, signedIn, repo, title, {
      kind: "refused",
      reason: "invalid_command",
      message: `The reason may have at most ${MAX_REASON_LENGTH} characters.`,
    });
  }
  const deps = await openAsApp(parts, signedIn, repo, "dashboard:approve");
  const result = await approveFromDashboard(deps, {
    login: signedIn.viewer.login,
    target,
    sha,
    verdict,
    reason: verdict === "rejected" && reason !== "" ? reason : null,
    pr: pr === "" ? null : Number(pr),
  });
  showResult(res, parts, signedIn, repo, title, result);
}

/** `POST /dashboard/<owner>/<repo>/unlock`: releases a lock, as `/unlock`. */
export async function postUnlock(
  res: ServerResponse,
  parts: DashboardParts,
  signedIn: SignedIn,
  repo: VisibleRepository,
  form: URLSearchParams,
): Promise<void> {
  const deps = await openAsApp(parts, signedIn, repo, "dashboard:unlock");
  const result = await unlockFromDashboard(deps, { login: signedIn.viewer.login, target: form.get("target") || undefined });
  showResult(res, parts, signedIn, repo, "Unlock", result);
}

/** The repository's work context as the app's installation, logged and recorded as the dashboard request it answers. */
export function openAsApp(parts: DashboardParts, signedIn: SignedIn, repo: VisibleRepository, origin: string) {
  const log = parts.log.child({ repo: `${repo.owner}/${repo.name}`, user: signedIn.viewer.login, origin });
  return parts.openRepo(
    { repo: { id: repo.id, owner: repo.owner, name: repo.name }, installationId: repo.installationId },
    { log, origin },
  );
}

/** The outcome page: 200 when done, 409 with the reason code when refused. */
export function showResult(
  res: ServerResponse,
  parts: DashboardParts,
  signedIn: SignedIn,
  repo: VisibleRepository,
  title: string,
  result: ActionResult,
): void {
  const back = `/dashboard/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}`;
  const page = <ActionResultPage viewer={signedIn.viewer} title={title} back={back} result={result} />;
  sendPage(res, statusOf(result), page, parts.settings.github.web);
}

/** 200 done, 202 kept until its approvals are in, 409 refused. */
function statusOf(result: ActionResult): number {
  if (result.kind === "done") return 200;
  return result.kind === "waiting" ? 202 : 409;
}
