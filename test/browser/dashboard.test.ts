import { describe, expect, it } from "@jest/globals";
import type { Response } from "playwright-core";
import { randomSha, statusEvent } from "../helpers/webhook-events.js";
import { deploymentEvent, deploymentStatusEvent, type DeploymentFacts, type StatusFacts } from "./dashboard-payloads.js";
import { LEDGER, SHOP, useDashboardServer } from "./dashboard-server.js";
import { screenshot } from "./screenshot.js";
import { useBrowser } from "./use-browser.js";

/** What a branch, an environment or a status description may carry: shown as text, never run. */
const IMG = `<img src=x onerror="window.__xss=1">`;
const SCRIPT = `<script>window.__xss=2</script>`;

declare global {
  interface Window {
    __xss?: number;
    __sameDocument?: boolean;
  }
}

// This file's webhook ids: far above the fake's own deployment ids (1, 2, 3…), and growing, so that
// of two statuses the later is the newer.
let lastId = 900_000_000 + Math.floor(Math.random() * 1_000) * 1_000;
const newId = () => (lastId += 1);
const short = (sha: string) => sha.slice(0, 7);

// Each test signs in once (the return_to test twice): the app allows 10 sign-ins per address in a
// burst, then one every 6 s. A test added here signs in as a user of its own or shares a test's.
describe("the dashboard in Chromium, against the whole app and the fake GitHub", () => {
  const browser = useBrowser();
  const app = useDashboardServer();

  const page = () => browser.page;
  const repoPage = () => `${app.url}/dashboard/acme/shop`;
  const environmentBox = (environment: string) => page().locator(`[data-environment="${environment}"]`);

  /** A deployment reported by GitHub's `deployment` then `deployment_status` webhooks, once the store has the status. */
  async function reportDeployment(
    deployment: DeploymentFacts,
    state: StatusFacts["state"],
    extra: Partial<StatusFacts> = {},
    repo = SHOP,
  ) {
    const status = { id: newId(), state, ...extra };
    await app.sendWebhook(deploymentEvent(repo, deployment));
    await app.sendWebhook(deploymentStatusEvent(repo, deployment, status));
    await app.waitFor(`the status of deployment ${deployment.id} in the store`, async () => {
      const stored = await app.store.getDeployment(repo.id, deployment.id);
      return stored?.statuses.some((s) => s.id === status.id) === true;
    });
  }

  /** The history table's rows, as environment and state label. */
  function historyRows(): Promise<{ environment: string; state: string }[]> {
    return page()
      .locator("[data-testid=deployments] tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => ({
          environment: tr.querySelector("td:nth-child(2)")?.textContent ?? "",
          state: tr.querySelector("td:nth-child(4) .Label")?.textContent ?? "",
        })),
      );
  }

  /** The hidden fields of the repository page's deploy form. */
  async function deployFormFields(): Promise<{ csrf: string; request: string }> {
    const form = page().locator("[data-testid=deploy-form]");
    return {
      csrf: (await form.locator("input[name=csrf]").getAttribute("value")) ?? "",
      request: (await form.locator("input[name=request]").getAttribute("value")) ?? "",
    };
  }

  /** Fills in the repository page's deploy form and sends it: the result page's status. */
  async function submitDeploy(target: string, ref: string): Promise<number> {
    const form = page().locator("[data-testid=deploy-form]");
    await form.locator("select[name=target]").selectOption(target);
    await form.locator("input[name=ref]").fill(ref);
    const [response] = await Promise.all([
      page().waitForResponse((r) => r.request().method() === "POST" && r.url() === `${repoPage()}/deploy`),
      form.locator("button[type=submit]").click(),
    ]);
    await page().locator("[data-testid=result]").waitFor();
    return response.status();
  }

  it("signs in through GitHub's OAuth flow: /dashboard shows the login and acme/shop, not acme/secret (whose page is the 404 of a missing repository), with an HttpOnly SameSite=Lax cookie and no user token", async () => {
    await app.signIn(page(), "alice");
    const landed = page().url();
    const html = await page().content();
    const repositories = await page().locator("[data-testid=repository] > a").allTextContents();
    const cookies = await browser.context.cookies();
    await screenshot(page(), "dashboard-home");
    const hidden = await page().goto(`${app.url}/dashboard/acme/secret`);
    const hiddenText = (await page().textContent("main"))?.replace("acme/secret", "<repo>");
    const missing = await page().goto(`${app.url}/dashboard/acme/no-such-repo`);
    const missingText = (await page().textContent("main"))?.replace("acme/no-such-repo", "<repo>");
    const shop = await page().goto(repoPage());

    expect(landed).toBe(`${app.url}/dashboard`);
    expect(await page().textContent("[data-testid=viewer]")).toBe("alice");
    expect(repositories).toEqual(["shop"]);
    expect(html).not.toContain("secret");
    expect(html).not.toContain("ghu_");
    expect(cookies).toEqual([
      expect.objectContaining({
        name: "deliverybot_session",
        httpOnly: true,
        sameSite: "Lax",
        path: "/dashboard",
        secure: false,
      }),
    ]);
    expect(cookies[0]?.value).not.toContain("ghu_");
    expect([hidden?.status(), missing?.status(), shop?.status()]).toEqual([404, 404, 200]);
    expect(hiddenText).toBe(missingText);
    expect(hiddenText).toContain("<repo> is not here, or you cannot see it on GitHub.");
  });

  it("sends a signed-out visitor to sign in and back to the page asked for, and never to another site", async () => {
    // Were the app to follow return_to elsewhere, the browser would land here (and never leave the machine).
    await page().route(
      (url) => url.hostname === "evil.example",
      (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<p>evil</p>" }),
    );
    app.github.signInAs("bob");
    app.github.grantUser("bob", "acme/shop", "write");

    const redirected = await page().request.get(repoPage(), { maxRedirects: 0 });
    await page().goto(repoPage());
    const returned = page().url();
    const viewer = await page().textContent("[data-testid=viewer]");
    await page().goto(`${app.url}/dashboard/auth/login?return_to=${encodeURIComponent("https://evil.example/")}`);

    expect(redirected.status()).toBe(303);
    expect(redirected.headers()["location"]).toBe("/dashboard/auth/login?return_to=%2Fdashboard%2Facme%2Fshop");
    expect(returned).toBe(repoPage());
    expect(viewer).toBe("bob");
    expect(page().url()).toBe(`${app.url}/dashboard`);
  });

  it("shows what real webhooks reported: the environment with its commit and state, and the history filtered and paged", async () => {
    const run = newId();
    const review: DeploymentFacts = { id: newId(), sha: randomSha(), ref: "main", environment: `review-${run}` };
    await reportDeployment(review, "success");
    // In another environment, one success then 51 failures: two pages of failures (50 a page).
    const load = `load-${run}`;
    const start = Date.now() - 3_600_000;
    for (let index = 0; index < 52; index += 1) {
      const deployment = {
        id: newId(),
        sha: randomSha(),
        ref: "main",
        environment: load,
        createdAt: new Date(start + index * 1_000),
      };
      await app.sendWebhook(deploymentStatusEvent(SHOP, deployment, { id: newId(), state: index === 0 ? "success" : "failure" }));
    }
    await app.waitFor(`the 52 deployments of ${load} in the store`, async () => {
      const found = await app.store.searchDeployments(SHOP.id, { environment: load, limit: 100 });
      return found.length === 52 && found.every((deployment) => deployment.state !== null);
    });
    await app.signIn(page(), "cleo");

    await page().goto(repoPage());
    const commit = await environmentBox(review.environment).locator("a.text-mono").textContent();
    const state = await environmentBox(review.environment).locator(".Label").textContent();
    // Primer's components are styled (a stylesheet without them would leave labels and boxes bare).
    const styled = await environmentBox(review.environment).evaluate((box) => {
      const label = box.querySelector(".Label");
      return {
        box: getComputedStyle(box).borderTopStyle,
        label: label === null ? "" : getComputedStyle(label).borderTopStyle,
        labelColor: label === null ? "" : getComputedStyle(label).color,
      };
    });
    await screenshot(page(), "dashboard-repository");
    await page().goto(`${repoPage()}/deployments`);
    await page().locator("select[name=environment]").selectOption(load);
    await page().locator("select[name=lifecycle]").selectOption("failed");
    await Promise.all([page().waitForURL(/lifecycle=failed/), page().click("[data-testid=filters] button[type=submit]")]);
    const first = await historyRows();
    const next = await page().locator("a.next_page").getAttribute("href");
    await screenshot(page(), "dashboard-history");
    await Promise.all([page().waitForURL(/page=2/), page().click("a.next_page")]);
    const second = await historyRows();
    const previous = await page().locator("a.previous_page").getAttribute("href");
    await page().goto(`${repoPage()}/deployments?${new URLSearchParams({ environment: load, lifecycle: "succeeded" })}`);
    const succeeded = await historyRows();

    expect([commit, state]).toEqual([short(review.sha), "succeeded"]);
    expect(styled.box).toBe("solid");
    expect(styled.label).toBe("solid");
    expect(styled.labelColor).not.toBe("rgb(31, 35, 40)");
    expect(first).toHaveLength(50);
    expect(new Set(first.map((row) => `${row.environment} ${row.state}`))).toEqual(new Set([`${load} failed`]));
    expect(queryOf(next)).toEqual({ environment: load, lifecycle: "failed", page: "2" });
    expect(second).toEqual([{ environment: load, state: "failed" }]);
    expect(queryOf(previous)).toEqual({ environment: load, lifecycle: "failed", page: "1" });
    expect(succeeded).toEqual([{ environment: load, state: "succeeded" }]);
  });

  it("shows a branch, an environment and a description full of markup as text, under a CSP that forbids inline scripts and framing", async () => {
    const deployment: DeploymentFacts = { id: newId(), sha: randomSha(), ref: IMG, environment: SCRIPT };
    await reportDeployment(deployment, "success", { description: `${IMG} ${SCRIPT}` });
    await app.signIn(page(), "dora");
    const responses: Response[] = [];
    page().on("response", (response) => {
      if (response.request().resourceType() === "document") responses.push(response);
    });

    const shown: Record<string, unknown>[] = [];
    for (const path of ["/dashboard/acme/shop", "/dashboard/acme/shop/deployments", "/dashboard"]) {
      await page().goto(`${app.url}${path}`);
      const text = (await page().textContent("main")) ?? "";
      shown.push({
        path,
        script: text.includes(SCRIPT),
        img: text.includes(IMG),
        injectedImages: await page().locator("img[src=x]").count(),
        inlineScripts: await page().locator("script:not([src])").count(),
        xss: await page().evaluate(() => window.__xss),
      });
    }
    // The policy at work: an inline script the page itself inserts does not run.
    const inline = await page().evaluate(
      () =>
        new Promise<{ ran: boolean; blocked: string }>((resolve) => {
          document.addEventListener("securitypolicyviolation", (event) =>
            resolve({ ran: "__xss" in window, blocked: event.effectiveDirective }),
          );
          const script = document.createElement("script");
          script.textContent = "window.__xss = 3";
          document.head.append(script);
        }),
    );
    const policies = responses.map((response) => response.headers()["content-security-policy"] ?? "");

    const clean = { injectedImages: 0, inlineScripts: 0, xss: undefined };
    expect(shown).toEqual([
      { path: "/dashboard/acme/shop", script: true, img: true, ...clean },
      { path: "/dashboard/acme/shop/deployments", script: true, img: true, ...clean },
      // The home page lists environments and commits, not branches.
      { path: "/dashboard", script: true, img: false, ...clean },
    ]);
    expect(inline).toEqual({ ran: false, blocked: "script-src-elem" });
    expect(policies).toHaveLength(3);
    for (const policy of policies) {
      expect(policy.split("; ")).toEqual(
        expect.arrayContaining(["default-src 'none'", "script-src 'self'", "frame-ancestors 'none'"]),
      );
      expect(policy).not.toContain("unsafe-inline");
    }
    expect(responses.map((response) => response.headers()["x-frame-options"])).toEqual(["DENY", "DENY", "DENY"]);
  });

  it("updates an open repository page when a webhook moves a deployment from in_progress to failure, without a reload", async () => {
    const deployment: DeploymentFacts = { id: newId(), sha: randomSha(), ref: "main", environment: `live-${newId()}` };
    await reportDeployment(deployment, "in_progress");
    await app.signIn(page(), "eve");
    await page().goto(repoPage());
    const label = environmentBox(deployment.environment).locator(".Label");
    const before = await label.textContent();
    await page().evaluate(() => {
      window.__sameDocument = true;
    });

    await app.sendWebhook(deploymentStatusEvent(SHOP, deployment, { id: newId(), state: "failure" }));
    await label.filter({ hasText: "failed" }).waitFor({ timeout: 10_000 });

    expect(before).toBe("started");
    expect(await page().getAttribute("html", "data-refreshed")).toMatch(/^\d+$/);
    expect(await page().evaluate(() => window.__sameDocument)).toBe(true);
  });

  it("deploys from the page as the signed-in writer, once per form however often the form is sent", async () => {
    const sha = randomSha();
    const branch = `release-${newId()}`;
    app.github.setRef("acme/shop", branch, sha);
    await app.signIn(page(), "finn");
    await page().goto(repoPage());
    const fields = await deployFormFields();

    const status = await submitDeploy("production", branch);
    const result = await page().textContent("[data-testid=result]");
    await screenshot(page(), "dashboard-deployed");
    // Reloading the result page sends the same form again; so does a script with the page's cookie.
    const reloaded = await page().reload();
    const reloadedResult = await page().textContent("[data-testid=result]");
    const again = await page().request.post(`${repoPage()}/deploy`, { form: { ...fields, target: "production", ref: branch } });
    const created = app.github.deployments.filter((deployment) => deployment.sha === sha);
    const stored = await app.store.getDeployment(SHOP.id, created[0]?.id ?? 0);

    expect(status).toBe(200);
    expect(result?.trim()).toBe(`Deployed ${short(sha)} (${branch}) to production: deployment ${created[0]?.id}, by @finn.`);
    expect(created).toEqual([
      expect.objectContaining({
        repo: "acme/shop",
        environment: "production",
        payload: expect.objectContaining({ trigger: "dashboard", actor: "finn" }),
      }),
    ]);
    expect(stored).toMatchObject({ sha, ref: branch, environment: "production", trigger: "dashboard", creator: "finn" });
    expect(reloaded?.request().method()).toBe("POST");
    expect(reloadedResult?.trim()).toBe(`This form already deployed ${short(sha)} to production.`);
    expect(again.status()).toBe(200);
    expect(await again.text()).toContain(`This form already deployed ${short(sha)} to production.`);
    expect(app.github.deployments.filter((deployment) => deployment.sha === sha)).toHaveLength(1);
  });

  it("shows a reader's deploy refused with not_permitted and its sentence; GitHub gets no deployment", async () => {
    const main = app.github.resolveRef("acme/shop", "main") ?? "";
    const deploymentsBefore = app.github.deployments.length;
    await app.signIn(page(), "gus", "read");
    await page().goto(repoPage());

    const status = await submitDeploy("production", "main");
    const result = page().locator("[data-testid=result]");
    await screenshot(page(), "dashboard-refused");
    const [decision] = await app.store.listDecisions(SHOP.id, { sha: main, target: "production", limit: 1 });

    expect(status).toBe(409);
    expect(await result.locator("code").textContent()).toBe("not_permitted");
    expect(await result.textContent()).toContain("@gus needs write permission to deploy production.");
    expect(app.github.deployments).toHaveLength(deploymentsBefore);
    expect(decision).toMatchObject({ reason: "not_permitted" });
  });

  it("refuses a writer's deploy to staging while its required check has not reported: waiting_for_checks", async () => {
    const sha = randomSha();
    await app.signIn(page(), "hana");
    await page().goto(repoPage());

    const status = await submitDeploy("staging", sha);
    const result = page().locator("[data-testid=result]");

    expect(status).toBe(409);
    expect(await result.locator("code").textContent()).toBe("waiting_for_checks");
    expect(await result.textContent()).toContain(`Waiting for ci on ${short(sha)}; deploy again once green.`);
    expect(app.github.deployments.filter((deployment) => deployment.sha === sha)).toEqual([]);
  });

  it("refuses forms without the session's CSRF token (a deploy creates nothing, sign-out keeps the session); signing out ends the session", async () => {
    const sha = randomSha();
    await app.signIn(page(), "ivan");
    await page().goto(repoPage());
    const { csrf, request } = await deployFormFields();
    const post = (path: string, form: Record<string, string>) => page().request.post(`${app.url}${path}`, { form });

    const wrong = await post("/dashboard/acme/shop/deploy", { csrf: `${csrf}x`, request, target: "production", ref: sha });
    const missing = await post("/dashboard/acme/shop/deploy", { request, target: "production", ref: sha });
    const signOutWrong = await post("/dashboard/auth/logout", { csrf: "not-the-token" });
    await page().goto(`${app.url}/dashboard`);
    const stillSignedIn = await page().textContent("[data-testid=viewer]");
    const cookies = await browser.context.cookies();
    // Already on /dashboard: wait for the page after the sign-out, not for the address.
    await page().click("header button[type=submit]");
    await page().locator("[data-testid=sign-in]").waitFor({ timeout: 10_000 });
    const afterSignOut = { url: page().url(), viewer: await page().locator("[data-testid=viewer]").count() };
    // The old cookie again: the session ended on the server, not only in the browser.
    await browser.context.addCookies(cookies);
    await page().goto(`${app.url}/dashboard`);

    expect([wrong.status(), missing.status(), signOutWrong.status()]).toEqual([403, 403, 403]);
    expect(await wrong.text()).toContain("CSRF check failed");
    expect(app.github.deployments.filter((deployment) => deployment.sha === sha)).toEqual([]);
    expect(await app.store.listDecisions(SHOP.id, { sha, limit: 10 })).toEqual([]);
    expect(stillSignedIn).toBe("ivan");
    expect(afterSignOut).toEqual({ url: `${app.url}/dashboard`, viewer: 0 });
    expect(await page().locator("[data-testid=sign-in]").count()).toBe(1);
    expect(await page().locator("[data-testid=viewer]").count()).toBe(0);
  });

  it("lists the default branch's commits with their checks and where each went; a reload asks GitHub nothing", async () => {
    const [newest, middle, oldest] = [randomSha(), randomSha(), randomSha()];
    app.github.setCommits("acme/ledger", [
      { sha: newest, message: `Ship ${SCRIPT}\n\nThe body is not shown.`, login: "alice", date: new Date().toISOString() },
      { sha: middle, message: "Fix the checkout", login: "bob", date: new Date(Date.now() - 3 * 3_600_000).toISOString() },
      { sha: oldest, message: "Start", date: new Date(Date.now() - 5 * 86_400_000).toISOString() },
    ]);
    await app.sendWebhook(statusEvent(LEDGER, newest, "ci/build", "pending", newId()));
    await app.sendWebhook(statusEvent(LEDGER, middle, "ci/build", "success", newId()));
    await app.sendWebhook(statusEvent(LEDGER, middle, "ci/lint", "failure", newId()));
    const environment = `commits-${newId()}`;
    await reportDeployment({ id: newId(), sha: middle, ref: "main", environment }, "success", {}, LEDGER);
    await app.waitFor("the three checks in the store", async () => {
      return (await app.store.listChecksOfCommits(LEDGER.id, [newest, middle])).length === 3;
    });
    app.github.grantUser("jo", "acme/ledger", "write");
    await app.signIn(page(), "jo");
    const listed = () => app.github.requests.filter((r) => r.route === "/repos/{owner}/{repo}/commits").map((r) => r.status);

    const before = listed().length;
    await page().goto(`${app.url}/dashboard/acme/ledger`);
    const rows = await page()
      .locator("[data-testid=commits] tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => (td.textContent ?? "").replace(/\s+/g, " ").trim())),
      );
    const failing = await page().locator(`[data-sha="${middle}"] .Label`).first().getAttribute("title");
    await screenshot(page(), "dashboard-commits");
    await page().reload();

    expect(rows).toEqual([
      [`${short(newest)} why`, `Ship ${SCRIPT}`, "alice just now", "pending 0/1", ""],
      [`${short(middle)} why`, "Fix the checkout", "bob 3h ago", "failure 1/2", `${environment} succeeded`],
      [`${short(oldest)} why`, "Start", "Fake Committer 5d ago", "no checks", ""],
    ]);
    expect(failing).toBe("Failing: ci/lint");
    expect(await page().evaluate(() => window.__xss)).toBeUndefined();
    // One full answer; the reload, seconds later, asks GitHub nothing (and after 10 s a conditional
    // request, which GitHub answers 304 while the branch stays: test/fake-github's listRecentCommits test).
    expect(listed().slice(before)).toEqual([200]);
  });
});

/** The query of a link as an object. */
function queryOf(href: string | null): Record<string, string> {
  return Object.fromEntries(new URL(href ?? "", "http://localhost").searchParams);
}
