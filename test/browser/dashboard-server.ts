import { afterAll, afterEach, beforeAll, expect } from "@jest/globals";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { pino } from "pino";
import { Probot, ProbotOctokit, Server } from "probot";
import { startDeliverybot, type Deliverybot } from "../../src/start-deliverybot.js";
import type { Store } from "../../src/store/store.js";
import { startFakeGitHub, type FakeGitHub, type FakeRole } from "../fake-github/fake-github-server.js";
import { freePort } from "../helpers/free-port.js";
import { TEST_PRIVATE_KEY, TEST_WEBHOOK_SECRET } from "../helpers/probot-app.js";
import { signEvent, type WebhookEvent, type WebhookRepo } from "../helpers/webhook-events.js";
import { ADMIN_TOKEN } from "../hooks/admin-fixtures.js";

/** `acme/shop`'s `.github/deploy.yml`: production without required checks, staging waiting for `ci`. */
export const SHOP_CONFIG =
  "version: 2\ntargets:\n  production:\n    required_contexts: []\n  staging:\n    required_contexts: [ci]\n";

/** The repository the tests sign users in to (granted by `signIn`). */
export const SHOP: WebhookRepo = { owner: "acme", name: "shop", id: 7301, installationId: 401 };
/** A repository of the same installation that no test grants anybody: it must stay invisible. */
export const SECRET: WebhookRepo = { owner: "acme", name: "secret", id: 7302, installationId: 401 };
/** A repository of the same installation only the tests that grant it use (its commits are set by one). */
export const LEDGER: WebhookRepo = { owner: "acme", name: "ledger", id: 7303, installationId: 401 };

/**
 * `acme/vault`'s `.github/deploy.yml`: `audited` deploys release branches and pull requests once two
 * people approved the commit. A repository of its own, so the approvals change no other test's target.
 */
export const VAULT_CONFIG = `version: 2
targets:
  audited:
    auto_deploy_on: [refs/heads/release/*, pr]
    required_contexts: []
    approvals:
      required: 2
`;
/** A repository of the same installation only the approval tests grant (see {@link VAULT_CONFIG}). */
export const VAULT: WebhookRepo = { owner: "acme", name: "vault", id: 7304, installationId: 401 };

const OAUTH = { clientId: "Iv23liDashboardTest", clientSecret: "dashboard-test-client-secret" };
const WAIT_MS = 15_000;
const POLL_MS = 25;

/** What {@link useDashboardServer} gives a test file; reading a field outside a test throws. */
export interface DashboardServer {
  /** `http://127.0.0.1:<port>`: the app, dashboard under `/dashboard`. */
  readonly url: string;
  /** The fake GitHub the app talks to (API, OAuth web flow, avatars). */
  readonly github: FakeGitHub;
  /** The app's store (`Deliverybot.parts.store`). */
  readonly store: Store;
  /**
   * Signs `login` in as a user does: GitHub's session (`signInAs`), a `role` on acme/shop (default
   * `write`), the dashboard's "Sign in with GitHub" button, and back on /dashboard showing the login.
   * The app allows 10 sign-ins per address in a burst, then one every 6 s: a file stays within 10.
   */
  signIn(page: Page, login: string, role?: FakeRole): Promise<void>;
  /** POSTs a webhook signed with the webhook secret as GitHub does; throws unless the app answers 202 (queued). */
  sendWebhook(event: WebhookEvent): Promise<void>;
  /** Polls `predicate` (the store, usually) until it holds; throws naming `what` after 15 s. */
  waitFor(what: string, predicate: () => boolean | Promise<boolean>): Promise<void>;
  /** What the app logged at `error` or worse so far, one line each: a clean run has none. */
  errors(): string[];
}

/**
 * Registers jest hooks that start, for one test file, the fake GitHub (OAuth credentials, acme/shop
 * with {@link SHOP_CONFIG}, acme/secret, acme/ledger, acme/vault with {@link VAULT_CONFIG}) and the whole app in-process on a free port, as production
 * starts it: Probot's `Server` loading `startDeliverybot` with the embedded database in a temporary
 * `DATA_DIR`, GitHub Enterprise Server URLs pointing at the fake, the dashboard on (OAuth credentials,
 * `SESSION_KEY`) and polling every 300 ms, the admin API on (`ADMIN_TOKEN` of test/hooks/admin-fixtures.ts).
 * Everything is stopped and removed after the file. After each test it asserts that the fake saw no
 * unexpected request and the app logged no error.
 *
 * @example
 * const app = useDashboardServer();
 * it("…", async () => { await app.signIn(browser.page, "alice"); … });
 */
export function useDashboardServer(): DashboardServer {
  let github: FakeGitHub | undefined;
  let server: Server | undefined;
  let deliverybot: Deliverybot | undefined;
  let dataDir: string | undefined;
  let url: string | undefined;
  const errors: string[] = [];

  beforeAll(async () => {
    github = await startFakeGitHub({
      oauth: OAUTH,
      configs: {
        "acme/shop": SHOP_CONFIG,
        "acme/secret": SHOP_CONFIG,
        "acme/ledger": SHOP_CONFIG,
        "acme/vault": VAULT_CONFIG,
      },
      repositories: {
        "acme/shop": { id: SHOP.id, installationId: SHOP.installationId },
        "acme/secret": { id: SECRET.id, installationId: SECRET.installationId, private: true },
        "acme/ledger": { id: LEDGER.id, installationId: LEDGER.installationId },
        "acme/vault": { id: VAULT.id, installationId: VAULT.installationId },
      },
    });
    dataDir = await mkdtemp(join(tmpdir(), "deliverybot-dashboard-"));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const log = pino({ level: "warn" }, { write: (line: string) => void recordError(errors, line) });
    const Octokit = ProbotOctokit.defaults((o: object) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } }));
    const probotOptions = {
      appId: 1,
      privateKey: TEST_PRIVATE_KEY,
      secret: TEST_WEBHOOK_SECRET,
      baseUrl: github.apiUrl,
      log,
      Octokit,
    };
    server = new Server({ Probot: Probot.defaults(probotOptions), host: "127.0.0.1", port, log });
    const env = {
      DATA_DIR: dataDir,
      GHE_HOST: github.host,
      GHE_PROTOCOL: "http",
      GITHUB_CLIENT_ID: OAUTH.clientId,
      GITHUB_CLIENT_SECRET: OAUTH.clientSecret,
      WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
      SESSION_KEY: randomBytes(32).toString("base64"),
      DASHBOARD_POLL_MS: "300",
      WORKER_POLL_MS: "50",
      ADMIN_TOKEN,
    };
    await server.load(async (app, options) => {
      deliverybot = await startDeliverybot(app, options, env);
    });
    await server.start();
  }, 60_000);

  // Every test of the file ends clean: nothing the fake GitHub did not expect, nothing logged as an error.
  afterEach(() => {
    expect(github?.problems()).toEqual([]);
    expect(errors).toEqual([]);
  });

  afterAll(async () => {
    await deliverybot?.stop(5_000);
    await server?.stop();
    await github?.stop();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  }, 30_000);

  const need = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`useDashboardServer: the ${name} exists only while a test runs`);
    return value;
  };

  return {
    get url() {
      return need(url, "url");
    },
    get github() {
      return need(github, "fake GitHub");
    },
    get store() {
      return need(deliverybot, "app").parts.store;
    },
    async signIn(page, login, role = "write") {
      const fake = need(github, "fake GitHub");
      fake.signInAs(login);
      fake.grantUser(login, `${SHOP.owner}/${SHOP.name}`, role);
      await page.goto(`${need(url, "url")}/dashboard`);
      await page.click("[data-testid=sign-in]");
      const viewer = page.locator("[data-testid=viewer]");
      try {
        await viewer.waitFor({ timeout: WAIT_MS });
      } catch {
        const shown = (await page.textContent("body").catch(() => null)) ?? "";
        throw new Error(
          `signIn(${login}): not signed in; the browser is on ${page.url()} showing ${JSON.stringify(shown.trim())}`,
        );
      }
      const shownLogin = (await viewer.textContent())?.trim();
      if (shownLogin !== login) throw new Error(`signIn(${login}): the page shows ${JSON.stringify(shownLogin)} signed in`);
    },
    async sendWebhook(event) {
      const webhook = signEvent(TEST_WEBHOOK_SECRET, event);
      const response = await fetch(`${need(url, "url")}/api/github/webhooks`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "GitHub-Hookshot/test",
          "x-github-event": webhook.name,
          "x-github-delivery": webhook.id,
          "x-hub-signature-256": webhook.signature,
        },
        // The exact text that was signed (the body is its UTF-8 bytes).
        body: webhook.body.toString("utf8"),
      });
      const text = await response.text();
      if (response.status !== 202) throw new Error(`sendWebhook(${webhook.name}): answered ${response.status} ${text}`);
    },
    async waitFor(what, predicate) {
      const until = Date.now() + WAIT_MS;
      while (!(await predicate())) {
        if (Date.now() > until) throw new Error(`waitFor: ${what}, not within ${WAIT_MS} ms`);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    },
    errors: () => [...errors],
  };
}

/** Keeps a log line of level `error` (50) or worse as `msg: err.message`. */
function recordError(errors: string[], line: string): void {
  const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
  if ((entry.level ?? 0) < 50) return;
  errors.push(entry.err?.message === undefined ? `${entry.msg}` : `${entry.msg}: ${entry.err.message}`);
}
