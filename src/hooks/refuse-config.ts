import { describeInvalidConfig } from "../config/describe-invalid-config.js";
import type { ReasonCode } from "../domain/reason-codes.js";
import type { ConfigLoad } from "../github/load-config.js";
import type { DeployRequester } from "./deploy-requester.js";

/** Why a deploy asked for from outside GitHub stops at the configuration, and how it is answered. */
export interface ConfigRefusal {
  readonly reason: ReasonCode;
  readonly status: number;
  readonly error: string;
  readonly message: string;
}

/**
 * A missing configuration lets no hook deploy (403) and leaves the admin API no target (404); an
 * invalid one stops every deploy (409).
 */
export function refuseConfig(loaded: Exclude<ConfigLoad, { kind: "ok" }>, requester: DeployRequester): ConfigRefusal {
  if (loaded.kind === "missing") {
    if (requester.kind === "admin") {
      const message = "There is no .github/deploy.yml on the default branch, so there is no target to deploy.";
      return { reason: "invalid_request", status: 404, error: "no .github/deploy.yml", message };
    }
    const message = `There is no .github/deploy.yml on the default branch, so no target allows hook ${requester.hook.name}.`;
    return { reason: "not_permitted", status: 403, error: "no target allows this hook", message };
  }
  const message = describeInvalidConfig(loaded.problems);
  return { reason: "config_invalid", status: 409, error: "config_invalid", message };
}
