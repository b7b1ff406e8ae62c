import type { NotificationFacts } from "../domain/notifications.js";

/** For the renderers' tests: a command's deployment of `main` to production that succeeded. */
export const SUCCEEDED: NotificationFacts & { readonly status: NonNullable<NotificationFacts["status"]> } = {
  event: "succeeded",
  repository: { id: 42, owner: "acme", name: "shop", htmlUrl: "https://github.com/acme/shop" },
  deployment: {
    id: 1001,
    environment: "production",
    sha: "abc1234def5678abc1234def5678abc1234def56",
    ref: "main",
    task: "deploy",
    target: "production",
    pr: 17,
    creator: "octocat",
    trigger: "command",
    description: "Deploy main to production",
    createdAt: "2026-11-23T09:58:00.000Z",
  },
  status: {
    id: 5005,
    state: "success",
    description: "Deployed in 42 s",
    logUrl: "https://github.com/acme/shop/actions/runs/9",
    environmentUrl: "https://shop.example.com",
    createdAt: "2026-11-23T09:59:30.000Z",
  },
};
