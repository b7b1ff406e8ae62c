import type { Context } from "probot";
import type { ProtectionRequestFacts } from "../domain/event-facts.js";
import { MalformedPayload, requireText } from "./malformed-payload.js";

/** Newer payloads carry the run's `sha` and `ref` at the top, with or without a deployment. */
type Payload = Context<"deployment_protection_rule.requested">["payload"] & { readonly sha?: string; readonly ref?: string };

/** `…/repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule`, on any GitHub host. */
const CALLBACK_PATH = /\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/deployment_protection_rule$/;

/**
 * A deployment protection rule request from its payload. The answer never goes to the callback URL
 * as given: only its run id is kept, and only when the URL names this repository, so a payload
 * cannot point the app's token at another address. Throws {@link MalformedPayload} naming the field
 * when one it needs is missing or wrong.
 */
export function readProtectionRequest(payload: Payload): ProtectionRequestFacts {
  const environment = requireText(payload, "environment");
  const callback = requireText(payload, "deployment_callback_url");
  const sha = requireText(payload, payload.sha === undefined ? "deployment.sha" : "sha");
  const ref = requireText(payload, payload.ref === undefined ? "deployment.ref" : "ref");
  const match = CALLBACK_PATH.exec(safePath(callback));
  const fullName = payload.repository.full_name.toLowerCase();
  if (
    match === null ||
    `${decodeURIComponent(match[1] ?? "")}/${decodeURIComponent(match[2] ?? "")}`.toLowerCase() !== fullName
  ) {
    throw new MalformedPayload(
      `\`deployment_callback_url\` must be this repository's …/actions/runs/{run_id}/deployment_protection_rule, got ${JSON.stringify(callback.slice(0, 200))}`,
    );
  }
  const [pullRequest] = payload.pull_requests ?? [];
  return {
    runId: Number(match[3]),
    environment,
    sha,
    ref,
    pr: pullRequest?.number ?? null,
    requester: payload.deployment?.creator?.login ?? payload.sender.login,
    event: payload.event ?? null,
  };
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return "";
  }
}
