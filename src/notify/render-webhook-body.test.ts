import { describe, expect, it } from "@jest/globals";
import type { NotificationFacts } from "../domain/notifications.js";
import { renderWebhookBody } from "./render-webhook-body.js";
import { SUCCEEDED } from "./test-facts.js";

const FACTS = SUCCEEDED;

describe("renderWebhookBody", () => {
  it("writes the notification in GitHub's webhook style", () => {
    const notification = { id: "0b5e9f0c-delivery", facts: FACTS };

    const body = renderWebhookBody(notification, 1_795_428_000);

    expect(body).toEqual({
      event: "deployment.succeeded",
      delivery: "0b5e9f0c-delivery",
      timestamp: 1_795_428_000,
      state: "succeeded",
      repository: { id: 42, owner: "acme", name: "shop", full_name: "acme/shop", html_url: "https://github.com/acme/shop" },
      deployment: {
        id: 1001,
        environment: "production",
        sha: "abc1234def5678abc1234def5678abc1234def56",
        ref: "main",
        task: "deploy",
        target: "production",
        pull_request: 17,
        creator: "octocat",
        trigger: "command",
        description: "Deploy main to production",
        created_at: "2026-11-23T09:58:00.000Z",
        commit_url: "https://github.com/acme/shop/commit/abc1234def5678abc1234def5678abc1234def56",
        pull_request_url: "https://github.com/acme/shop/pull/17",
      },
      status: {
        id: 5005,
        state: "success",
        description: "Deployed in 42 s",
        log_url: "https://github.com/acme/shop/actions/runs/9",
        environment_url: "https://shop.example.com",
        created_at: "2026-11-23T09:59:30.000Z",
      },
    });
  });

  it("writes null for a missing status and pull request", () => {
    const facts: NotificationFacts = { ...FACTS, event: "deleted", deployment: { ...FACTS.deployment, pr: null }, status: null };

    const body = renderWebhookBody({ id: "d", facts }, 1);

    expect(body).toMatchObject({
      event: "deployment.deleted",
      state: "deleted",
      status: null,
      deployment: { pull_request: null, pull_request_url: null },
    });
  });
});
