import { describe, expect, it } from "@jest/globals";
import type { NotificationRoute } from "../config/model.js";
import type { NotificationEvent } from "../domain/notifications.js";
import { selectNotificationRoutes } from "./select-notification-routes.js";

const route = (channel: string, fields: Partial<NotificationRoute> = {}): NotificationRoute => ({
  channel,
  states: undefined,
  environments: undefined,
  ...fields,
});

describe("selectNotificationRoutes", () => {
  const routes = [
    route("everything"),
    route("outcomes", { states: ["succeeded", "failed", "stuck"] }),
    route("production", { environments: ["production"] }),
    route("previews", { environments: ["pr-*"], states: ["succeeded"] }),
    route("silent", { states: [] }),
  ];

  it.each<[NotificationEvent, string, string[]]>([
    ["created", "production", ["everything", "production"]],
    ["succeeded", "production", ["everything", "outcomes", "production"]],
    ["stuck", "staging", ["everything", "outcomes"]],
    ["succeeded", "pr-12", ["everything", "outcomes", "previews"]],
    ["failed", "pr-12", ["everything", "outcomes"]],
    ["deleted", "production-eu", ["everything"]],
  ])("sends %s of %s to %j", (event, environment, expected) => {
    expect(selectNotificationRoutes(routes, event, environment).map((r) => r.channel)).toEqual(expected);
  });

  it("sends to a channel named twice once, by its first entry that matches", () => {
    const twice = [route("ops", { states: ["failed"] }), route("ops", { environments: ["production"] })];

    expect(selectNotificationRoutes(twice, "created", "production")).toEqual([twice[1]]);
    expect(selectNotificationRoutes(twice, "failed", "production")).toEqual([twice[0]]);
  });

  it("sends nothing without routes", () => {
    expect(selectNotificationRoutes([], "succeeded", "production")).toEqual([]);
  });
});
