import { randomUUID } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { runCli } from "../../src/cli/run-cli.js";
import { ADMIN_TOKEN, newAdminTestRepo } from "../hooks/admin-fixtures.js";
import { useHookServer } from "../hooks/hook-server.js";
import { loadPayload } from "../helpers/payloads.js";
import { TEST_WEBHOOK_SECRET } from "../helpers/probot-app.js";
import { signPayload } from "../helpers/sign.js";
import { createFakeIo } from "./fake-io.js";

const HEADER = /^DELIVERY +EVENT +STATUS +WHEN +ERROR$/;
const WHEN = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\dZ";

/** `deliverybot events` in-process, over real HTTP, against the running app (GitHub mocked). */
describe("deliverybot events", () => {
  const server = useHookServer({ env: { ADMIN_TOKEN } });
  const { github } = server;

  async function run(argv: readonly string[], env: Record<string, string | undefined> = {}) {
    const fake = createFakeIo();
    const io = { ...fake.io, env: { ADMIN_TOKEN, DELIVERYBOT_URL: server.base, ...env }, fetch: globalThis.fetch };
    const code = await runCli(["events", ...argv], io);
    return { code, stdout: fake.stdout(), stderr: fake.stderr() };
  }

  /** Posts a signed push webhook to the app, as GitHub would; its config read answers 503, so processing fails. */
  async function deliverFailingPush(): Promise<string> {
    const r = newAdminTestRepo();
    github.installationToken(r.installationId);
    github.expect("GET", `${r.api}/contents/.github%2Fdeploy.yml`, { status: 503, body: { message: "Service Unavailable" } });
    const payload = loadPayload("push", {
      installationId: r.installationId,
      edit: (p) => {
        Object.assign(p, { ref: "refs/heads/main", after: "d".repeat(40), deleted: false, commits: [] });
        Object.assign(p.repository, { id: r.repoId, name: r.repo, full_name: r.fullName, default_branch: "main" });
        if (p.repository.owner !== null) p.repository.owner.login = r.owner;
      },
    });
    const body = JSON.stringify(payload);
    const id = randomUUID();
    await fetch(`${server.base}/api/github/webhooks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "push",
        "x-github-delivery": id,
        "x-hub-signature-256": signPayload(TEST_WEBHOOK_SECRET, body),
      },
      body,
    });
    github.done();
    return id;
  }

  async function failedDelivery(error: string): Promise<string> {
    const id = randomUUID();
    await server.store().beginDelivery(id, "check_suite", "completed");
    await server.store().finishDelivery(id, "failed", error);
    return id;
  }

  // First: the app's store is fresh.
  it('says "No failed events." when there are none', async () => {
    expect(await run([])).toEqual({ code: 0, stdout: "No failed events.\n", stderr: "" });
    expect(await run(["--all"])).toEqual({ code: 0, stdout: "No failed or stuck events.\n", stderr: "" });
  });

  it("lists a webhook whose processing failed, with its error, and says how to have GitHub redeliver it", async () => {
    const id = await deliverFailingPush();

    const result = await run([]);

    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const lines = result.stdout.split("\n");
    expect(lines[0]).toMatch(HEADER);
    expect(lines[1]).toMatch(new RegExp(`^${id} +push +failed +${WHEN} +Service Unavailable$`));
    expect(result.stdout).toContain("Advanced → Recent deliveries");
    expect(result.stdout).toContain("Deliverybot processes it again.");
    expect(result.stdout).not.toContain("stuck");
  });

  it("prints an error as one line of at most 100 characters, and --limit N lists the newest N", async () => {
    const long = `first line\nsecond line ${"x".repeat(200)}`;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const id = await failedDelivery(long);

    const result = await run(["--limit", "1"]);

    const lines = result.stdout.split("\n");
    expect(lines).toHaveLength(6);
    const row = lines[1] ?? "";
    expect(row.startsWith(`${id}  check_suite.completed  failed`)).toBe(true);
    const error = row.slice(row.indexOf("first line"));
    expect(error).toHaveLength(100);
    expect(error).toMatch(/^first line second line x+…$/);
    expect(await run(["--limit=1"])).toEqual(result);
  });

  it.each([
    [["--limit", "0"], '--limit must be a whole number from 1 to 1000, got "0"'],
    [["--limit"], "--limit needs a value"],
    [["--verbose"], 'unknown option "--verbose"'],
    [["acme/shop"], 'unexpected argument "acme/shop": events takes only options'],
    [["--token", "x"], "the admin token is read from the ADMIN_TOKEN environment variable only"],
  ])("%j is a usage error, exit 2", async (argv, message) => {
    const result = await run(argv);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`deliverybot events: ${message}`);
  });

  it("says what to do when ADMIN_TOKEN is missing or wrong", async () => {
    expect(await run([], { ADMIN_TOKEN: undefined })).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "deliverybot events: set ADMIN_TOKEN to the admin token the app was started with (an environment variable, not a flag)\n",
    });
    expect(await run([], { ADMIN_TOKEN: `${ADMIN_TOKEN}-wrong` })).toEqual({
      code: 2,
      stdout: "",
      stderr: `deliverybot events: ADMIN_TOKEN does not match the app's (${server.base} answered 401)\n`,
    });
  });

  // Last: it moves the app's clock.
  it("--all also lists a delivery stuck in processing for more than 10 minutes, and says a redelivery skips it", async () => {
    const stuck = randomUUID();
    await server.store().beginDelivery(stuck, "deployment_status", "created");
    server.advanceClock(11 * 60_000);

    const all = await run(["--all"]);
    const failedOnly = await run([]);

    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(
      new RegExp(`\\n${stuck} +deployment_status\\.created +stuck +${WHEN} +still processing after 10\\+ minutes\\n`),
    );
    expect(all.stdout).toContain("a redelivery of it is skipped as a duplicate");
    expect(failedOnly.stdout).not.toContain(stuck);
  });
});
