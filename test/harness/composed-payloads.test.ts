import { describe, expect, it } from "@jest/globals";
import { validateWebhookPayload } from "../helpers/openapi-validator.js";
import { loadPayload } from "../helpers/payloads.js";

describe("payloads composed for events @octokit/webhooks-examples lacks", () => {
  it("deployment_protection_rule.requested conforms to GitHub's schema of it", () => {
    const payload = loadPayload("deployment_protection_rule", { action: "requested", installationId: 1 });

    expect(validateWebhookPayload("deployment-protection-rule-requested", payload)).toEqual([]);
  });

  it("the check catches a payload that breaks the schema", () => {
    const payload = loadPayload("deployment_protection_rule", {
      edit: (p) => Object.assign(p, { action: "approved", environment: 7 }),
    });

    expect(validateWebhookPayload("deployment-protection-rule-requested", payload)).toEqual(
      expect.arrayContaining(["/action: must be equal to one of the allowed values", "/environment: must be string"]),
    );
  });
});
