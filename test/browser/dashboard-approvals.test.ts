import { describe, expect, it } from "@jest/globals";
import type { Locator, Page } from "playwright-core";
import { randomSha } from "../helpers/webhook-events.js";
import { commitPushEvent, pullRequestOpenedEvent } from "./dashboard-payloads.js";
import { useDashboardServer, VAULT } from "./dashboard-server.js";
import { screenshot } from "./screenshot.js";
import { useBrowser } from "./use-browser.js";
import { submitForm, withOtherPage as withOtherPageOf, type FormResult } from "./page-forms.js";

const short = (sha: string) => sha.slice(0, 7);
const VAULT_NAME = `${VAULT.owner}/${VAULT.name}`;

// Sign-ins: 2 + 1 + 1 + 3, within the app's burst of 10 per address. A second user signs in in a
// browser context of its own, so that both stay signed in.
describe("approving and rejecting a deploy that waits for approval, from the dashboard in Chromium, against the whole app and the fake GitHub", () => {
  const browser = useBrowser();
  const app = useDashboardServer();

  const page = () => browser.page;
  const repoPage = () => `${app.url}/dashboard/${VAULT_NAME}`;

  /** Signs `login` in with write access to acme/vault. */
  async function signIn(on: Page, login: string): Promise<void> {
    app.github.grantUser(login, VAULT_NAME, "write");
    await app.signIn(on, login);
  }

  const withOtherPage = <T>(use: (other: Page) => Promise<T>): Promise<T> => withOtherPageOf(browser.browser, use);

  /** Sends `form` (posting to `action`) with its submit button: the result page's status, reason code and text. */
  const submit = (form: Locator, action = "approve"): Promise<FormResult> => submitForm(form, `${repoPage()}/${action}`);

  /** The Waiting row of `sha`, once the page shows it. */
  async function waitingRow(on: Page, sha: string): Promise<Locator> {
    await on.goto(repoPage());
    const row = on.locator("[data-testid=waiting] li").filter({ has: on.locator(`input[name=sha][value="${sha}"]`) });
    await row.first().waitFor();
    return row;
  }

  /** Pushes `sha` to `branch` and waits until its deploy of `audited` waits for approval. */
  async function pushWaiting(branch: string, sha: string): Promise<void> {
    await app.sendWebhook(commitPushEvent(VAULT, { ref: `refs/heads/${branch}`, sha, committedAt: new Date() }));
    await app.waitFor(`the deploy of ${short(sha)} waiting for approval`, async () => {
      const [decision] = await app.store.listDecisions(VAULT.id, { sha, target: "audited", limit: 1 });
      return decision?.reason === "waiting_for_approval";
    });
  }

  it("shows a release waiting for approval; one writer's Approve is recorded and shown, a second's deploys it", async () => {
    const sha = randomSha();
    await pushWaiting("release/1", sha);
    await signIn(page(), "rita");

    const row = await waitingRow(page(), sha);
    const before = {
      text: (await row.textContent())?.replace(/\s+/g, " "),
      approvedBy: await row.locator("[data-testid=approved-by]").textContent(),
    };
    const first = await submit(row.locator("[data-testid=approve-form]"));
    const shown = await waitingRow(page(), sha);
    const approvedBy = (await shown.locator("[data-testid=approved-by]").textContent())?.replace(/\s+/g, " ").trim();
    const approvedAt = await shown.locator("[data-testid=approved-by] time").getAttribute("datetime");
    const shot = await screenshot(page(), "dashboard-approvals");
    const second = await withOtherPage(async (other) => {
      await signIn(other, "sam");
      return submit((await waitingRow(other, sha)).locator("[data-testid=approve-form]"));
    });
    const created = await app.github.waitForDeployment((deployment) => deployment.sha === sha);
    await page().goto(repoPage());
    const stillWaiting = await page().locator(`[data-testid=waiting] input[name=sha][value="${sha}"]`).count();

    expect(before.text).toContain(`audited ${short(sha)} refs/heads/release/1 — waiting_for_approval audited needs 2 approvals`);
    expect(before.approvedBy).toBe("No approvals yet.");
    expect(first).toEqual({
      status: 200,
      reason: null,
      text: `Approved ${short(sha)} for audited: 1 of 2, 1 more needed.`,
    });
    expect(approvedBy).toBe("Approved by @rita just now");
    expect(Math.abs(Date.parse(approvedAt ?? "") - Date.now())).toBeLessThan(60_000);
    expect(second).toEqual({
      status: 200,
      reason: null,
      text: `Approved ${short(sha)} for audited: 2 of 2, enough to deploy.`,
    });
    expect(created).toMatchObject({
      repo: VAULT_NAME,
      sha,
      environment: "production",
      payload: expect.objectContaining({
        approvals: [expect.objectContaining({ login: "rita" }), expect.objectContaining({ login: "sam" })],
      }),
    });
    expect(app.github.deployments.filter((deployment) => deployment.sha === sha)).toHaveLength(1);
    expect(stillWaiting).toBe(0);
    expect(shot).toMatch(/dashboard-approvals\.png$/);
  });

  it("drops a release when a writer rejects it with a reason: recorded, shown as the reason, nothing deployed", async () => {
    const sha = randomSha();
    await pushWaiting("release/2", sha);
    await signIn(page(), "tess");

    const row = await waitingRow(page(), sha);
    const reject = row.locator("[data-testid=reject-form]");
    await reject.locator("input[name=reason]").fill("not on a <b>Friday</b>");
    const rejected = await submit(reject);
    await page().goto(repoPage());
    const stillWaiting = await page().locator(`[data-testid=waiting] input[name=sha][value="${sha}"]`).count();
    const [decision] = await app.store.listDecisions(VAULT.id, { sha, target: "audited", limit: 1 });

    expect(rejected).toEqual({
      status: 200,
      reason: null,
      text: `Rejected ${short(sha)} for audited: not on a <b>Friday</b>. What waited to deploy it is dropped.`,
    });
    expect(stillWaiting).toBe(0);
    expect(decision).toMatchObject({ reason: "approval_rejected" });
    expect(await app.store.listApprovals(VAULT.id, sha)).toEqual([
      expect.objectContaining({ login: "tess", verdict: "rejected", reason: "not on a <b>Friday</b>" }),
    ]);
    expect(await app.store.listPendingBySha(VAULT.id, sha)).toEqual([]);
    expect(app.github.deployments.filter((deployment) => deployment.sha === sha)).toEqual([]);
  });

  it("keeps a deploy asked with the dashboard's form until two people approved, saying who asked, then deploys it once as them", async () => {
    const sha = randomSha();
    await signIn(page(), "uma");
    await page().goto(repoPage());
    const deployForm = page().locator("[data-testid=deploy-form]");
    await deployForm.locator("select[name=target]").selectOption("audited");
    await deployForm.locator("input[name=ref]").fill(sha);

    const asked = await submit(deployForm, "deploy");
    const listed = (await (await waitingRow(page(), sha)).textContent())?.replace(/\s+/g, " ");
    // The asker's own approval would not count: two others approve.
    const approveAs = (login: string) =>
      withOtherPage(async (other) => {
        await signIn(other, login);
        return submit((await waitingRow(other, sha)).locator("[data-testid=approve-form]"));
      });
    const first = await approveAs("vic");
    const second = await approveAs("walt");
    const created = await app.github.waitForDeployment((deployment) => deployment.sha === sha);
    await page().goto(repoPage());
    const stillWaiting = await page().locator(`[data-testid=waiting] input[name=sha][value="${sha}"]`).count();

    expect(asked).toEqual({
      status: 202,
      reason: "waiting_for_approval",
      text: `waiting_for_approvalaudited needs 2 approvals of ${short(sha)} (\`/approve audited\`); none yet. It deploys once approved; \`--force\` does not replace approvals.`,
    });
    expect(listed).toContain(`audited ${short(sha)} ${sha} asked by @uma on the dashboard`);
    expect(first.text).toBe(`Approved ${short(sha)} for audited: 1 of 2, 1 more needed.`);
    expect(second.text).toBe(`Approved ${short(sha)} for audited: 2 of 2, enough to deploy.`);
    expect(created).toMatchObject({
      repo: VAULT_NAME,
      sha,
      environment: "production",
      payload: expect.objectContaining({ trigger: "dashboard", actor: "uma" }),
    });
    expect(app.github.deployments.filter((deployment) => deployment.sha === sha)).toHaveLength(1);
    expect(stillWaiting).toBe(0);
  });

  it("refuses the pull request's author their own approval (not_permitted): the form names the pull request", async () => {
    const sha = randomSha();
    const number = 7;
    app.github.setPullRequest(VAULT.owner, VAULT.name, number, { headSha: sha, headRef: "feature/vault", author: "quinn" });
    await app.sendWebhook(pullRequestOpenedEvent(VAULT, { number, sha, ref: "feature/vault", author: "quinn" }));
    await app.waitFor(`the deploy of pull request #${number} waiting for approval`, async () => {
      const [decision] = await app.store.listDecisions(VAULT.id, { sha, target: "audited", limit: 1 });
      return decision?.reason === "waiting_for_approval";
    });
    await signIn(page(), "quinn");

    const row = await waitingRow(page(), sha);
    const form = row.locator("[data-testid=approve-form]");
    const named = await form.locator("input[name=pr]").getAttribute("value");
    const refused = await submit(form);

    expect(named).toBe(String(number));
    expect(refused).toEqual({
      status: 409,
      reason: "not_permitted",
      text: `not_permitted@quinn opened pull request #${number}, and audited does not allow self-approval.`,
    });
    expect(await app.store.listApprovals(VAULT.id, sha)).toEqual([]);
    expect(await app.store.listPendingBySha(VAULT.id, sha)).toEqual([expect.objectContaining({ pr: number })]);
  });
});
