import { describe, expect, it } from "@jest/globals";
import { checkNotificationChannels } from "./check-notification-channels.js";

const route = (channel: string) => ({ channel, states: undefined, environments: undefined });

describe("checkNotificationChannels", () => {
  it("reports each entry naming a channel the owner has not registered, with how to register it", () => {
    const problems = checkNotificationChannels(
      [route("deploys"), route("ops-slak"), route("deploys")],
      new Set(["deploys"]),
      "acme",
    );

    expect(problems).toEqual([
      {
        path: ["notifications", 1, "channel"],
        message:
          "no channel `ops-slak` is registered for acme, so these notifications go nowhere: register it with `deliverybot notify add acme ops-slak --webhook` (or `--slack`), or fix the name.",
      },
    ]);
  });

  it("reports nothing when every channel is registered, or there are no notifications", () => {
    expect(checkNotificationChannels([route("deploys")], new Set(["deploys", "other"]), "acme")).toEqual([]);
    expect(checkNotificationChannels([], new Set(), "acme")).toEqual([]);
  });
});
