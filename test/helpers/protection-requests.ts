import type { Harness } from "./app-harness.js";
import type { GitHubMock, RequestAssertion } from "./mock-github.js";
import { PROTECTION_RULE_RUN_ID } from "./payloads.js";

/** What a workflow job of run {@link PROTECTION_RULE_RUN_ID} asks: deploy `sha` of `ref` to `environment`. */
export interface ProtectionRequestOptions {
  readonly sha: string;
  readonly ref: string;
  readonly environment?: string;
  /** Who started the run (the deployment's creator); default `dev`. */
  readonly requester?: string;
  /** The `owner/name` its callback URL names; default the harness's repository. */
  readonly callbackRepo?: string;
}

/** Delivers a `deployment_protection_rule` request (the composed payload) about the harness's repository. */
export function receiveProtectionRequest(h: Harness, options: ProtectionRequestOptions) {
  const { sha, ref, environment = "production" } = options;
  const repository = options.callbackRepo ?? `${h.repo.owner}/${h.repo.name}`;
  return h.receive("deployment_protection_rule", {
    action: "requested",
    edit: (p) => {
      Object.assign(p, {
        environment,
        sha,
        ref,
        deployment_callback_url: `https://api.github.com/repos/${repository}/actions/runs/${PROTECTION_RULE_RUN_ID}/deployment_protection_rule`,
      });
      if (p.deployment !== undefined) Object.assign(p.deployment, { sha, ref, environment });
      if (p.deployment?.creator) p.deployment.creator.login = options.requester ?? "dev";
    },
  });
}

/** Expects one answer (or comment) to the run's request, answered 204 like GitHub. */
export function expectReview(github: GitHubMock, h: Harness, assert: RequestAssertion): void {
  github.expect("POST", `${h.api}/actions/runs/${PROTECTION_RULE_RUN_ID}/deployment_protection_rule`, { status: 204 }, assert);
}
