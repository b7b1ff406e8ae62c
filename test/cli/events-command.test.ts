import { randomUUID } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { runCli } from "../../src/cli/run-cli.js";
import { ADMIN_TOKEN, newAdminTestRepo } from "../hooks/admin-fixtures.js";
import { useHookServer } from "../hooks/hook-server.js";
import { createQueueStates } from "../hooks/queue-states.js";
import { loadPayload } from "../helpers/payloads.js";
import { createNotificationStates } from "../notify/notification-states.js";
import { TEST_WEBHOOK_SECRET } from "../helpers/probot-app.js";
import { signPayload } from "../helpers/sign.js";
import { createFakeIo } from "./fake-io.js";

const HEADER = /^DELIVERY +EVENT +STATUS +ATTEMPTS +WHEN +NEXT +ERROR$/;
const NOTIFICATIONS_HEADER = /^ID +CHANNEL +EVENT +DEPLOYMENT +STATUS +ATTEMPTS +WHEN +NEXT +ERROR$/;

/** `2000-01-01T10:00:00.000Z` as the table shows it: `2000-01-01 10:00Z`. */
const short = (date: Date) => `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)}Z`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** One table row: the cells in order, separated by two or more spaces. */
const row = (...cells: string[]) => new RegExp(`^${cells.map(escape).join(" {2,}")}$`);
/** The start of a table row: the first cells in order, the last one cut short. */
const rowStart = (...cells: string[]) => new RegExp(`^${cells.map(escape).join(" {2,}")}`);

const PARKED_HINT =
  "A parked delivery failed too often, or its payload is malformed: it is kept with its last error\n" +
  "and not retried. Queue it again with deliverybot events retry <delivery-id>, or have GitHub\n" +
  "redeliver it: Settings → Developer settings → GitHub Apps → the app → Advanced → Recent\n" +
  "deliveries → Redeliver.\n";
const RETRYING_HINT = "A retrying delivery failed and is tried again at NEXT; after too many failures it is parked.\n";
const PARKED_NOTIFICATION_HINT =
  "A parked notification failed too often, or its receiver refused it: it is kept with its last\n" +
  "error and not sent again. Once its receiver works (deliverybot notify test <owner> <channel>),\n" +
  "send it again with deliverybot events retry <id>.\n";
const RETRYING_NOTIFICATION_HINT =
  "A retrying notification failed and is sent again at NEXT; after too many failures it is parked.\n";

/** `deliverybot events` in-process, over real HTTP, against the running app (GitHub mocked, no workers running). */
describe("deliverybot events", () => {
  const server = useHookServer({ env: { ADMIN_TOKEN } });
  const { github } = server;
  const states = createQueueStates(() => server.store());
  const notifications = createNotificationStates(() => server.store());

  async function run(argv: readonly string[], env: Record<string, string | undefined> = {}) {
    const fake = createFakeIo();
    const io = { ...fake.io, env: { ADMIN_TOKEN, DELIVERYBOT_URL: server.base, ...env }, fetch: globalThis.fetch };
    const code = await runCli(["events", ...argv], io);
    return { code, stdout: fake.stdout(), stderr: fake.stderr() };
  }

  /** The line of the table about delivery `id`. */
  const line = (stdout: string, id: string) => stdout.split("\n").find((text) => text.startsWith(`${id} `)) ?? "";

  /** Posts a signed push webhook to the app, as GitHub would: the app queues it for the workers. */
  async function deliverPush(): Promise<string> {
    const r = newAdminTestRepo();
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
    const response = await fetch(`${server.base}/api/github/webhooks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "push",
        "x-github-delivery": id,
        "x-hub-signature-256": signPayload(TEST_WEBHOOK_SECRET, body),
      },
      body,
    });
    expect(response.status).toBe(202);
    return id;
  }

  // First: the app's store is fresh.
  it("says so when nothing failed, or nothing is unfinished", async () => {
    expect(await run([])).toEqual({ code: 0, stdout: "No parked or retrying deliveries.\n", stderr: "" });
    expect(await run(["--all"])).toEqual({ code: 0, stdout: "No deliveries queued, running or parked.\n", stderr: "" });
  });

  it("--all lists a webhook the app received and queued; the default list, only for failures, does not", async () => {
    const id = await deliverPush();

    const all = await run(["--all"]);
    const failing = await run([]);

    expect([all.code, all.stderr]).toEqual([0, ""]);
    expect(all.stdout.split("\n")[0]).toMatch(HEADER);
    expect(line(all.stdout, id)).toMatch(new RegExp(`^${id} +push +queued +0 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\dZ +- +-$`));
    expect(all.stdout.split("\n")).toHaveLength(3);
    expect(failing).toEqual({ code: 0, stdout: "No parked or retrying deliveries.\n", stderr: "" });
    expect(github.requests).toEqual([]);
  });

  // Next: the first deliveries of this file to fail.
  it("lists parked and retrying deliveries, newest first, with attempts, times and the last error, and what to do", async () => {
    const parked = await states.parked("GitHub answered 500: Internal Server Error", 5, { event: "push", action: null });
    const retrying = await states.retrying("GitHub answered 502: Bad Gateway");

    const result = await run([]);

    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const lines = result.stdout.split("\n");
    expect(lines[0]).toMatch(HEADER);
    expect(lines[1]).toMatch(
      row(parked.id, "push", "parked", "5", short(parked.receivedAt), "-", "GitHub answered 500: Internal Server Error"),
    );
    expect(lines[2]).toMatch(
      row(
        retrying.id,
        "check_run.completed",
        "retrying",
        "1",
        short(retrying.receivedAt),
        short(retrying.nextAttemptAt),
        "GitHub answered 502: Bad Gateway",
      ),
    );
    expect(lines.slice(3).join("\n")).toBe(`\n${PARKED_HINT}\n${RETRYING_HINT}`);
    expect(result.stdout).not.toMatch(/stuck/i);
  });

  it("--all also lists queued and running deliveries, and explains only the statuses it shows", async () => {
    const queued = await states.queued({ event: "status", action: null });
    const running = await states.running({ event: "deployment_status", action: "created" });

    const result = await run(["--all", "--limit", "1000"]);

    expect(result.code).toBe(0);
    expect(line(result.stdout, queued.id)).toMatch(row(queued.id, "status", "queued", "0", short(queued.receivedAt), "-", "-"));
    expect(line(result.stdout, running.id)).toMatch(
      row(running.id, "deployment_status.created", "running", "1", short(running.receivedAt), "-", "-"),
    );
    expect(result.stdout).toContain(PARKED_HINT);

    const onlyRunning = await run(["--all", "--limit", "1"]);
    expect(onlyRunning.stdout.split("\n")[1]).toMatch(/^\S+ +push +queued +0 /); // the webhook: received today
    expect(onlyRunning.stdout).not.toContain("parked");
    expect(onlyRunning.stdout).not.toContain("retrying");
  });

  it("prints an error as one line of at most 100 characters; --limit N lists the newest N", async () => {
    const long = `first line\nsecond line ${"x".repeat(200)}`;
    const parked = await states.parked(long, 3, { event: "check_suite" });
    await states.retrying("GitHub answered 502");
    await states.parked("boom");

    const all = await run(["--limit", "1000"]);
    const two = await run(["--limit", "2"]);

    const cells = line(all.stdout, parked.id);
    expect(cells).toMatch(
      rowStart(parked.id, "check_suite.completed", "parked", "3", short(parked.receivedAt), "-", "first line "),
    );
    const error = cells.slice(cells.indexOf("first line"));
    expect(error).toHaveLength(100);
    expect(error).toMatch(/^first line second line x+…$/);
    // The rows' cells (column widths depend on the rows shown).
    const table = (stdout: string) => (stdout.split("\n\n")[0]?.split("\n") ?? []).map((text) => text.split(/ {2,}/));
    expect(table(all.stdout).length).toBeGreaterThan(3);
    expect(table(two.stdout)).toHaveLength(3);
    expect(table(two.stdout)).toEqual(table(all.stdout).slice(0, 3));
    expect(await run(["--limit=2"])).toEqual(two);
  });

  it("retry <delivery-id> queues a parked delivery again: listed as retrying, attempts reset, due now", async () => {
    const parked = await states.parked("Cannot read properties of undefined (reading 'sha')", 5);

    const result = await run(["retry", parked.id]);
    const listed = await run(["--limit", "1000"]);
    const again = await run(["retry", parked.id]);

    expect(result).toEqual({
      code: 0,
      stdout: `Queued delivery ${parked.id} again: a worker processes it shortly (deliverybot events --all lists it until then).\n`,
      stderr: "",
    });
    expect(line(listed.stdout, parked.id)).toMatch(
      new RegExp(
        `^${parked.id} +check_run\\.completed +retrying +0 +${short(parked.receivedAt)} +\\d{4}-\\S+ \\S+Z +Cannot read`,
      ),
    );
    expect(again.code).toBe(1);
  });

  it("retry url-encodes the delivery id", async () => {
    // The id comes back in the answer: the app decoded what was sent.
    const parked = await states.parked("boom", 1, { id: `odd/${randomUUID()} ?#ü` });

    const result = await run(["retry", "--", parked.id]);

    expect(result).toEqual({
      code: 0,
      stdout: expect.stringContaining(`Queued delivery ${parked.id} again`) as unknown,
      stderr: "",
    });
    expect(line((await run(["--all", "--limit", "1000"])).stdout, parked.id)).toMatch(/ retrying +0 /);
  });

  it.each([
    ["queued", () => states.queued()],
    ["running", () => states.running()],
    ["retrying", () => states.retrying("GitHub answered 502")],
    ["done", () => states.done()],
    ["unknown", async () => ({ id: randomUUID() })],
  ])("retry of a %s delivery says only a parked one can be retried, exit 1", async (_state, make) => {
    const { id } = await make();

    expect(await run(["retry", id])).toEqual({
      code: 1,
      stdout: "",
      stderr: `deliverybot events: delivery "${id}" is not parked (unknown, or already queued, running or processed): only a parked delivery can be retried; see deliverybot events\n`,
    });
  });

  it.each([
    [["--limit", "0"], '--limit must be a whole number from 1 to 1000, got "0"'],
    [["--limit"], "--limit needs a value"],
    [["--verbose"], 'unknown option "--verbose"'],
    [["acme/shop"], 'unknown subcommand "acme/shop": events takes options, or retry <delivery-id>'],
    [["retry"], "usage: deliverybot events retry <delivery-id>"],
    [["retry", "a", "b"], "usage: deliverybot events retry <delivery-id>"],
    [["retry", "a", "--all"], "--all and --limit list deliveries; retry takes neither"],
    [["--token", "x"], "the admin token is read from the ADMIN_TOKEN environment variable only"],
  ])("%j is a usage error, exit 2", async (argv, message) => {
    const result = await run(argv);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`deliverybot events: ${message}`);
    expect(result.stderr).toContain("see deliverybot help events");
  });

  it.each([[[]], [["retry", "some-delivery"]]])(
    "%j says what to do when ADMIN_TOKEN is missing or wrong, exit 2",
    async (argv) => {
      expect(await run(argv, { ADMIN_TOKEN: undefined })).toEqual({
        code: 2,
        stdout: "",
        stderr:
          "deliverybot events: set ADMIN_TOKEN to the admin token the app was started with (an environment variable, not a flag)\n",
      });
      expect(await run(argv, { ADMIN_TOKEN: `${ADMIN_TOKEN}-wrong` })).toEqual({
        code: 2,
        stdout: "",
        stderr: `deliverybot events: ADMIN_TOKEN does not match the app's (${server.base} answered 401)\n`,
      });
    },
  );

  // Last: from here on the store holds failed notifications, which every listing shows.
  it("lists failed notifications in a second table, by channel, event and deployment, and explains their statuses", async () => {
    const parked = await notifications.parked("the receiver answered 500: Internal Server Error", 5, {
      channel: "ops",
      event: "failed",
    });
    const retrying = await notifications.retrying("connect ECONNREFUSED");
    const queued = await notifications.queued();

    const result = await run(["--limit", "1000"]);

    expect([result.code, result.stderr]).toEqual([0, ""]);
    const [deliveries, ...after] = result.stdout.split(/\n(?=ID )/);
    expect(deliveries?.split("\n")[0]).toMatch(HEADER);
    const table = after.join("\n").split("\n");
    expect(table[0]).toMatch(NOTIFICATIONS_HEADER);
    expect(table[1]).toMatch(
      row(
        parked.id,
        "acme/ops",
        "deployment.failed",
        String(parked.deploymentId),
        "parked",
        "5",
        short(parked.createdAt),
        "-",
        "the receiver answered 500: Internal Server Error",
      ),
    );
    expect(table[2]).toMatch(
      row(
        retrying.id,
        "acme/deploys",
        "deployment.succeeded",
        String(retrying.deploymentId),
        "retrying",
        "1",
        short(retrying.createdAt),
        short(retrying.nextAttemptAt),
        "connect ECONNREFUSED",
      ),
    );
    expect(table.slice(3).join("\n")).toBe(`\n${PARKED_NOTIFICATION_HINT}\n${RETRYING_NOTIFICATION_HINT}`);
    expect(result.stdout).not.toContain(queued.id);
    expect(line((await run(["--all", "--limit", "1000"])).stdout, queued.id)).toMatch(/ deployment\.succeeded +\d+ +queued +0 /);
  });

  it("retry <id> queues a parked notification again: listed as retrying, attempts reset", async () => {
    const parked = await notifications.parked("the receiver answered 410", 5);

    const result = await run(["retry", parked.id]);
    const listed = await run(["--limit", "1000"]);
    const again = await run(["retry", parked.id]);

    expect(result).toEqual({
      code: 0,
      stdout: `Queued notification ${parked.id} again: the sender sends it shortly (deliverybot events --all lists it until then).\n`,
      stderr: "",
    });
    expect(line(listed.stdout, parked.id)).toMatch(/ retrying +0 +\S+ \S+Z +\S+ \S+Z +the receiver answered 410$/);
    expect(again.code).toBe(1);
  });
});
