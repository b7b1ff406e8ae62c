import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startFakeGitHub, type FakeGitHub } from "../fake-github/fake-github-server.js";
import { screenshot } from "./screenshot.js";
import { useBrowser } from "./use-browser.js";

const OAUTH = { clientId: "Iv23liBrowserTest", clientSecret: "browser-test-secret" };

/** The fake's OAuth pages in a real browser, with a stand-in for the app's callback: what the dashboard's sign-in will meet. */
describe("signing in through the fake GitHub in Chromium", () => {
  const browser = useBrowser();
  let github: FakeGitHub;
  let app: Server;
  let callback: string;

  beforeAll(async () => {
    // The app's callback: shows the query GitHub sent back.
    app = createServer((req, res) => {
      const query = new URL(req.url ?? "/", "http://localhost").searchParams;
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!DOCTYPE html><link rel="icon" href="data:,"><pre id="query">${JSON.stringify(Object.fromEntries(query))}</pre>`);
    });
    await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
    callback = `http://127.0.0.1:${(app.address() as AddressInfo).port}/dashboard/auth/callback`;
  });
  afterAll(async () => {
    await new Promise((resolve) => app.close(resolve));
  });
  beforeEach(async () => {
    github = await startFakeGitHub({ oauth: OAUTH });
  });
  afterEach(() => github.stop());

  const authorizeUrl = () =>
    `${github.url}/login/oauth/authorize?${new URLSearchParams({ client_id: OAUTH.clientId, redirect_uri: callback, state: "st" })}`;
  const queryShown = async () => JSON.parse((await browser.page.textContent("#query")) ?? "{}") as Record<string, string>;

  it("follows the authorize page back to the app's callback with a code and the state", async () => {
    github.signInAs("alice");

    await browser.page.goto(authorizeUrl());
    const query = await queryShown();
    const landed = new URL(browser.page.url());

    expect(`${landed.origin}${landed.pathname}`).toBe(callback);
    expect(query).toEqual({ code: expect.stringMatching(/^[0-9a-f]{20}$/), state: "st" });
    expect(github.problems()).toEqual([]);
  });

  it("shows a page saying nobody is signed in, without the browser asking the fake for anything else", async () => {
    const response = await browser.page.goto(authorizeUrl());
    await screenshot(browser.page, "fake-github-nobody-signed-in");

    expect(response?.status()).toBe(403);
    expect(await browser.page.textContent("h1")).toBe("Nobody is signed in");
    expect(await browser.page.title()).toBe("Nobody is signed in · GitHub");
    expect(github.requests.map((r) => r.route)).toEqual(["/login/oauth/authorize"]);
  });

  it("sends a user who cancels back with error=access_denied", async () => {
    github.signInAs("alice");
    github.denyNextSignIn();

    await browser.page.goto(authorizeUrl());

    expect(await queryShown()).toMatchObject({ error: "access_denied", state: "st" });
  });
});
