import { describe, expect, it } from "@jest/globals";
import type { Locator, Page } from "playwright-core";
import { randomSha } from "../helpers/webhook-events.js";
import { commitPushEvent, deploymentStatusEvent, type DeploymentFacts, type StatusFacts } from "./dashboard-payloads.js";
import { SHOP, useDashboardServer } from "./dashboard-server.js";
import { screenshot } from "./screenshot.js";
import { useBrowser } from "./use-browser.js";
import { submitForm, withOtherPage as withOtherPageOf, type FormResult } from "./page-forms.js";

// This file's webhook ids: far above the fake's own deployment ids (1, 2, 3…), and growing, so that
// of two statuses the later is the newer.
let lastId = 800_000_000 + Math.floor(Math.random() * 1_000) * 1_000;
const newId = () => (lastId += 1);
const short = (sha: string) => sha.slice(0, 7);
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

// Sign-ins: 2 + 2 + 1, within the app's burst of 10 per address. A second user signs in in a
// second browser context of its own, so that both stay signed in.
describe("the dashboard's lock, unlock, rollback and metrics pages in Chromium, against the whole app and the fake GitHub", () => {
  const browser = useBrowser();
  const app = useDashboardServer();

  const page = () => browser.page;
  const repoPage = () => `${app.url}/dashboard/acme/shop`;

  const withOtherPage = <T>(use: (other: Page) => Promise<T>): Promise<T> => withOtherPageOf(browser.browser, use);

  /** Sends `form` (posting to `action`) with its submit button: the result page's status, reason code and text. */
  const submit = (form: Locator, action: string): Promise<FormResult> => submitForm(form, `${repoPage()}/${action}`);

  /** A deployment reported by GitHub's `deployment_status` webhook, once the store has the status. */
  async function reportDeployment(deployment: DeploymentFacts, status: StatusFacts): Promise<void> {
    await app.sendWebhook(deploymentStatusEvent(SHOP, deployment, status));
    await app.waitFor(`the status ${status.id} of deployment ${deployment.id} in the store`, async () => {
      const stored = await app.store.getDeployment(SHOP.id, deployment.id);
      return stored?.statuses.some((s) => s.id === status.id) === true;
    });
  }

  it("locks production from the page for 2h with a reason: shown and stored; another writer's deploy is refused locked and their unlock not_permitted; the owner unlocks", async () => {
    const deploymentsBefore = app.github.deployments.length;
    await app.signIn(page(), "lena");
    await page().goto(repoPage());
    const lockForm = page().locator("[data-testid=lock-form]");
    await lockForm.locator("select[name=target]").selectOption("production");
    await lockForm.locator("input[name=reason]").fill("release freeze");
    await lockForm.locator("input[name=for]").fill("2h");
    const lockedAt = Date.now();
    const locked = await submit(lockForm, "lock");
    await page().goto(repoPage());
    const shownLocks = (await page().locator("[data-testid=locks] li").allTextContents()).map((text) => text.trim());
    const stored = await app.store.listLocks(SHOP.id, new Date());

    expect(locked.status).toBe(200);
    expect(locked.reason).toBeNull();
    expect(locked.text).toMatch(/^Locked production for @lena, until \S+: only their own deploys go through\.$/);
    expect(shownLocks).toEqual([expect.stringMatching(/^production locked by lena: release freeze \(until \S+\)/)]);
    expect(stored).toEqual([
      expect.objectContaining({
        repoId: SHOP.id,
        environment: "production",
        target: "production",
        owner: "lena",
        pr: null,
        reason: "release freeze",
      }),
    ]);
    const expiresInMs = (stored[0]?.expiresAt?.getTime() ?? 0) - lockedAt;
    expect(expiresInMs).toBeGreaterThan(2 * HOUR_MS - MINUTE_MS);
    expect(expiresInMs).toBeLessThan(2 * HOUR_MS + MINUTE_MS);
    // The page shows the stored expiry.
    expect(shownLocks[0]).toContain(`(until ${stored[0]?.expiresAt?.toISOString()})`);

    const refused = await withOtherPage(async (other) => {
      await app.signIn(other, "milo");
      await other.goto(repoPage());
      const deployForm = other.locator("[data-testid=deploy-form]");
      await deployForm.locator("select[name=target]").selectOption("production");
      await deployForm.locator("input[name=ref]").fill("main");
      const deploy = await submit(deployForm, "deploy");
      await other.goto(repoPage());
      const unlock = await submit(other.locator("[data-testid=locks] li [data-testid=unlock-form]"), "unlock");
      return { deploy, unlock };
    });
    const stillLocked = await app.store.listLocks(SHOP.id, new Date());

    expect(refused.deploy).toMatchObject({ status: 409, reason: "locked" });
    expect(refused.deploy.text).toContain("@lena");
    expect(app.github.deployments).toHaveLength(deploymentsBefore);
    expect(refused.unlock).toMatchObject({ status: 409, reason: "not_permitted" });
    expect(refused.unlock.text).toContain("production is locked by @lena; only they or an admin may unlock it.");
    expect(stillLocked).toEqual([expect.objectContaining({ environment: "production", owner: "lena" })]);

    await page().goto(repoPage());
    const unlocked = await submit(page().locator("[data-testid=locks] li [data-testid=unlock-form]"), "unlock");
    await page().goto(repoPage());

    expect(unlocked).toEqual({ status: 200, reason: null, text: "Unlocked production." });
    expect(await app.store.listLocks(SHOP.id, new Date())).toEqual([]);
    expect(await page().locator("[data-testid=locks]").count()).toBe(0);
    expect(app.github.deployments).toHaveLength(deploymentsBefore);
  });

  it("rolls production back from its box to the commit before the current one, as the writer; a reader's rollback is refused not_permitted", async () => {
    // Commit A then commit B, B the newest: both succeeded in production.
    const start = Date.now() - 2 * HOUR_MS;
    const a: DeploymentFacts = {
      id: newId(),
      sha: randomSha(),
      ref: "main",
      environment: "production",
      createdAt: new Date(start),
    };
    const b: DeploymentFacts = { ...a, id: newId(), sha: randomSha(), createdAt: new Date(start + HOUR_MS) };
    await reportDeployment(a, { id: newId(), state: "success", createdAt: new Date(start + MINUTE_MS) });
    await reportDeployment(b, { id: newId(), state: "success", createdAt: new Date(start + HOUR_MS + MINUTE_MS) });
    const before = app.github.deployments.length;
    await app.signIn(page(), "nora");
    await page().goto(repoPage());
    const box = page().locator(`[data-environment="production"]`);
    const current = await box.locator("a.text-mono").textContent();

    const rolledBack = await submit(box.locator("[data-testid=rollback-form]"), "rollback");
    const created = app.github.deployments.slice(before);

    expect(current).toBe(short(b.sha));
    expect(rolledBack.status).toBe(200);
    expect(rolledBack.text).toBe(`Deployed ${short(a.sha)} (main) to production: deployment ${created[0]?.id}, by @nora.`);
    expect(created).toEqual([
      expect.objectContaining({
        repo: "acme/shop",
        sha: a.sha,
        environment: "production",
        payload: expect.objectContaining({ trigger: "dashboard", actor: "nora" }),
      }),
    ]);

    const afterWriter = app.github.deployments.length;
    const refused = await withOtherPage(async (other) => {
      await app.signIn(other, "olaf", "read");
      await other.goto(repoPage());
      return submit(other.locator(`[data-environment="production"] [data-testid=rollback-form]`), "rollback");
    });

    expect(refused).toMatchObject({ status: 409, reason: "not_permitted" });
    expect(app.github.deployments).toHaveLength(afterWriter);
  });

  it("shows the four keys and the daily chart of a known week of one environment's history", async () => {
    const environment = `metrics-${newId()}`;
    // Whole UTC days before today, at fixed hours: every one inside the 7-day window (today is its last day).
    const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
    const at = (daysAgo: number, hours: number, minutes = 0) =>
      new Date(today - daysAgo * DAY_MS + hours * HOUR_MS + minutes * MINUTE_MS);
    const isoDay = (daysAgo: number) => at(daysAgo, 0).toISOString().slice(0, 10);
    const [s1, s2, s3, s4] = [randomSha(), randomSha(), randomSha(), randomSha()];
    // Commit times of s1 and s3 (pushed to a branch that deploys nothing); s4's is never told.
    await app.sendWebhook(commitPushEvent(SHOP, { ref: `refs/heads/${environment}-1`, sha: s1, committedAt: at(5, 10) }));
    await app.sendWebhook(commitPushEvent(SHOP, { ref: `refs/heads/${environment}-3`, sha: s3, committedAt: at(3, 13, 30) }));
    const history: [string, Date, StatusFacts["state"], Date][] = [
      [s1, at(5, 12), "success", at(5, 12, 10)], // lead time 2h 10m
      [s2, at(3, 12), "failure", at(3, 12, 5)], // an outage from 12:05…
      [s3, at(3, 14), "success", at(3, 14, 10)], // …restored at 14:10 (2h 5m); lead time 40m
      [s4, at(1, 9), "success", at(1, 9, 20)], // commit time unknown
    ];
    for (const [sha, createdAt, state, statusAt] of history) {
      const deployment: DeploymentFacts = { id: newId(), sha, ref: "main", environment, createdAt };
      await reportDeployment(deployment, { id: newId(), state, createdAt: statusAt });
    }
    await app.waitFor("the commit times of the two pushes, joined to their deployments", async () => {
      const read = await app.store.listDeploymentsForMetrics(SHOP.id, environment, new Date(today - 30 * DAY_MS));
      return read.filter((deployment) => deployment.commitTime !== null).length === 2;
    });
    await app.signIn(page(), "pia");

    const response = await page().goto(
      `${app.url}/dashboard/acme/shop/metrics?${new URLSearchParams({ window: "7", environment })}`,
    );
    const key = async (id: string) => {
      const box = page().locator(`[data-testid=key-${id}]`);
      return {
        value: await box.locator("[data-testid=value]").textContent(),
        detail: (await box.locator(".text-small").textContent())?.replace(/\s+/g, " ").trim(),
      };
    };
    const keys = {
      frequency: await key("frequency"),
      leadTime: await key("lead-time"),
      changeFailure: await key("change-failure"),
      timeToRestore: await key("time-to-restore"),
    };
    const chart = page().locator("svg[role=img]");
    const bars = await chart
      .locator("rect")
      .evaluateAll((rects) =>
        rects.map((rect) => `${rect.getAttribute("data-series")} ${rect.querySelector("title")?.textContent}`),
      );
    const description = await chart.locator("desc").textContent();
    const heading = await page().textContent("h1");
    const shot = await screenshot(page(), "dashboard-metrics");

    expect(response?.status()).toBe(200);
    expect(heading?.replace(/\s+/g, " ").trim()).toBe(`Delivery metrics: ${environment}, last 7 days`);
    expect(keys).toEqual({
      // 3 succeeded over 7 days: 0.43 a day.
      frequency: { value: "0.43", detail: "3 successful deployments in 7 days" },
      // 2h 10m and 40m: the median 1h 25m, the 90th percentile 40m + 0.9 × 90m = 2h 1m.
      leadTime: { value: "1h 25m", detail: "90th percentile 2h 1m · 2 changes, 1 without a known commit time" },
      // 1 failed of 4 finished.
      changeFailure: { value: "25%", detail: "1 failed, 0 rolled back, of 4" },
      // 12:05 to 14:10.
      timeToRestore: { value: "2h 5m", detail: "1 outage restored" },
    });
    expect(bars.sort()).toEqual(
      [
        `succeeded ${isoDay(5)}: 1 succeeded`,
        `succeeded ${isoDay(3)}: 1 succeeded`,
        `failed ${isoDay(3)}: 1 failed`,
        `succeeded ${isoDay(1)}: 1 succeeded`,
      ].sort(),
    );
    expect(description).toBe(`3 succeeded and 1 failed over 7 days, ${isoDay(6)} to ${isoDay(0)} (UTC); the busiest day had 2.`);
    expect(shot).toMatch(/dashboard-metrics\.png$/);
  });
});
