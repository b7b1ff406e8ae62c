import { describe, expect, it } from "@jest/globals";
import { readDashboardSettings } from "./dashboard-settings.js";

const GITHUB = { web: "https://github.com", api: "https://api.github.com" };
const KEY = "k".repeat(32);
const BASE = { GITHUB_CLIENT_ID: "Iv1.abc", GITHUB_CLIENT_SECRET: "s3cret", SESSION_KEY: KEY };

describe("readDashboardSettings", () => {
  it("is on with the app's OAuth credentials and a session key of its own", () => {
    expect(readDashboardSettings({ ...BASE, PUBLIC_URL: "https://bot.example.com/" }, GITHUB)).toEqual({
      on: true,
      settings: {
        clientId: "Iv1.abc",
        clientSecret: "s3cret",
        sessionKey: KEY,
        publicUrl: "https://bot.example.com",
        github: GITHUB,
        pollMs: 5_000,
      },
    });
  });

  it.each([
    [{ ...BASE, DASHBOARD: "off" }, "DASHBOARD=off"],
    [{ ...BASE, GITHUB_CLIENT_SECRET: "" }, "GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET"],
    [{ ...BASE, SESSION_KEY: "short" }, "SESSION_KEY is not set or shorter than 32"],
    [{ ...BASE, WEBHOOK_SECRET: KEY }, "not the webhook secret"],
    [{ ...BASE, DASHBOARD_POLL_MS: "50" }, "DASHBOARD_POLL_MS must be a whole number"],
  ])("is off, saying why: %j", (env, why) => {
    const setup = readDashboardSettings(env, GITHUB);

    expect(setup.on).toBe(false);
    expect(setup.on ? "" : setup.why).toContain(why);
  });
});
