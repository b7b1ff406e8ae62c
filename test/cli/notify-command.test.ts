import { afterEach, describe, expect, it } from "@jest/globals";
import { runCli } from "../../src/cli/run-cli.js";
import { ADMIN_TOKEN } from "../hooks/admin-fixtures.js";
import { createFakeIo } from "./fake-io.js";

const BASE = "https://deliverybot.example.com";
const RECEIVER_URL = "https://hooks.example.com/T0KEN-in-the-path-3f9a?token=T0KEN-in-the-path-3f9a";
const SECRET = "c2VjcmV0LXNob3duLW9uY2UtMDEyMzQ1Njc4OWFiY2RlZg";

interface Exchange {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly answer: unknown;
}

interface Sent {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | null;
  readonly body: unknown;
}

/**
 * The app's admin API as a fake `fetch`: each expected request is answered once, in order; a
 * request nobody expected answers 599 and is reported by `done()`, like an expected one never made.
 */
function fakeAdminApi() {
  const expected: Exchange[] = [];
  const sent: Sent[] = [];
  const unexpected: string[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    const method = init?.method ?? "GET";
    const headers = new Headers(init?.headers);
    sent.push({
      method,
      path: `${url.pathname}${url.search}`,
      authorization: headers.get("authorization"),
      body: typeof init?.body === "string" ? (JSON.parse(init.body) as unknown) : undefined,
    });
    const next = expected[0];
    if (url.origin !== BASE || next?.method !== method || next.path !== `${url.pathname}${url.search}`) {
      unexpected.push(`${method} ${url.pathname}${url.search}`);
      return new Response("{}", { status: 599, headers: { "content-type": "application/json" } });
    }
    expected.shift();
    return new Response(JSON.stringify(next.answer), { status: next.status, headers: { "content-type": "application/json" } });
  };
  return {
    fetch,
    sent,
    expect(method: string, path: string, status: number, answer: unknown) {
      expected.push({ method, path, status, answer });
    },
    done() {
      expect({ unexpected, unused: expected.map((e) => `${e.method} ${e.path}`) }).toEqual({ unexpected: [], unused: [] });
    },
    reset() {
      expected.length = 0;
      sent.length = 0;
      unexpected.length = 0;
    },
  };
}

/** `deliverybot notify …` in-process, against a fake admin API. */
describe("deliverybot notify", () => {
  const api = fakeAdminApi();
  let stdinReads = 0;

  afterEach(() => api.reset());

  async function run(argv: readonly string[], options: { stdin?: string; env?: Record<string, string | undefined> } = {}) {
    const fake = createFakeIo();
    fake.setStdin(options.stdin ?? "");
    const io = { ...fake.io, env: { ADMIN_TOKEN, DELIVERYBOT_URL: BASE, ...options.env }, fetch: api.fetch };
    const code = await runCli(["notify", ...argv], io);
    stdinReads = fake.stdinReads();
    return { code, stdout: fake.stdout(), stderr: fake.stderr() };
  }

  describe("add", () => {
    it("reads the URL from stdin, adds a webhook channel and prints its secret once, with how to verify it", async () => {
      api.expect("POST", "/admin/notify", 201, {
        owner: "acme",
        name: "deploys",
        kind: "webhook",
        urlHint: "https://hooks.example.com",
        allowPrivate: true,
        secret: SECRET,
      });

      const result = await run(["add", "Acme", "deploys", "--webhook", "--allow-private"], { stdin: `${RECEIVER_URL}\n` });

      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      api.done();
      expect(api.sent).toEqual([
        {
          method: "POST",
          path: "/admin/notify",
          authorization: `Bearer ${ADMIN_TOKEN}`,
          body: { owner: "Acme", name: "deploys", kind: "webhook", url: RECEIVER_URL, allowPrivate: true, replace: false },
        },
      ]);
      const lines = result.stdout.split("\n");
      expect(lines[0]).toBe("Added webhook channel acme/deploys → https://hooks.example.com.");
      expect(lines).toContain(`  Secret: ${SECRET}`);
      expect(result.stdout.split(SECRET)).toHaveLength(2);
      expect(result.stdout).toContain("This secret is shown once");
      expect(result.stdout).toContain('"sha256=" + createHmac("sha256", secret).update(rawBody).digest("hex")');
      expect(result.stdout).toContain("X-Deliverybot-Signature-256");
      expect(result.stdout).toContain('"timestamp"');
      expect(result.stdout).toContain("notifications: [{channel: deploys}]");
      expect(result.stdout).toMatch(/Check it now: deliverybot notify test acme deploys\n$/);
      expect(result.stdout).not.toContain("T0KEN");
    });

    it("adds a Slack channel from the first line of stdin, trimmed, and prints no secret", async () => {
      api.expect("POST", "/admin/notify", 201, {
        owner: "acme",
        name: "ops",
        kind: "slack",
        urlHint: "https://hooks.slack.com",
        allowPrivate: false,
      });

      const result = await run(["add", "acme", "ops", "--slack", "--replace"], {
        stdin: "  https://hooks.slack.com/services/T0KEN  \r\nsecond line\n",
      });

      expect(result.code).toBe(0);
      api.done();
      expect(api.sent[0]?.body).toEqual({
        owner: "acme",
        name: "ops",
        kind: "slack",
        url: "https://hooks.slack.com/services/T0KEN",
        allowPrivate: false,
        replace: true,
      });
      expect(result.stdout).toMatch(/^Saved slack channel acme\/ops → https:\/\/hooks\.slack\.com\.\n/);
      expect(result.stdout).toContain("The app keeps the Slack URL sealed");
      expect(result.stdout).not.toMatch(/Secret:|T0KEN/);
    });

    it("says how to pipe the URL in when stdin is empty, and calls nothing", async () => {
      const result = await run(["add", "acme", "deploys", "--slack"], { stdin: "\n" });

      expect(result).toEqual({
        code: 2,
        stdout: "",
        stderr: `deliverybot notify: no receiver URL on stdin: pipe it in, e.g. printf '%s\\n' "$RECEIVER_URL" | deliverybot notify add acme deploys --slack\n`,
      });
      expect(api.sent).toEqual([]);
    });

    it("says to add --replace when the channel exists, exit 2", async () => {
      api.expect("POST", "/admin/notify", 409, { error: 'channel acme/deploys exists: send "replace": true to replace it' });

      const result = await run(["add", "acme", "deploys", "--webhook"], { stdin: RECEIVER_URL });

      expect(result).toEqual({
        code: 2,
        stdout: "",
        stderr:
          "deliverybot notify: channel acme/deploys exists: add --replace to replace it (its old URL and secret then stop working)\n",
      });
      api.done();
    });

    it.each([
      [400, "the URL must start with https:// (or http://), not ftp:"],
      [503, "notification channels need NOTIFY_KEY: start the app with NOTIFY_KEY set to at least 32 random characters"],
    ])("passes on the app's %i answer, exit 2", async (status, message) => {
      api.expect("POST", "/admin/notify", status, { error: message });

      const result = await run(["add", "acme", "deploys", "--webhook"], { stdin: RECEIVER_URL });

      expect(result).toEqual({ code: 2, stdout: "", stderr: `deliverybot notify: ${message}\n` });
    });

    it("never prints the URL, even when an answer repeats it", async () => {
      api.expect("POST", "/admin/notify", 400, { error: `cannot use ${RECEIVER_URL}` });

      const result = await run(["add", "acme", "deploys", "--webhook"], { stdin: RECEIVER_URL });

      expect(result).toEqual({ code: 2, stdout: "", stderr: "deliverybot notify: cannot use <the URL>\n" });
    });
  });

  describe("list", () => {
    it("prints the channels as a table with their hint, of one owner", async () => {
      api.expect("GET", "/admin/notify?owner=acme", 200, {
        channels: [
          {
            owner: "acme",
            name: "deploys",
            kind: "webhook",
            urlHint: "http://10.0.0.5:8080",
            allowPrivate: true,
            createdAt: "2024-05-01T10:00:00.000Z",
          },
          {
            owner: "acme",
            name: "ops",
            kind: "slack",
            urlHint: "https://hooks.slack.com",
            allowPrivate: false,
            createdAt: "2024-05-02T11:30:00.000Z",
          },
        ],
      });

      const result = await run(["list", "acme"]);

      expect(result).toEqual({
        code: 0,
        stdout: [
          "OWNER  NAME     KIND     RECEIVER                 PRIVATE  CREATED",
          "acme   deploys  webhook  http://10.0.0.5:8080     allowed  2024-05-01 10:00Z",
          "acme   ops      slack    https://hooks.slack.com  -        2024-05-02 11:30Z",
          "",
        ].join("\n"),
        stderr: "",
      });
      api.done();
    });

    it("says so when there are none, and how to add one", async () => {
      api.expect("GET", "/admin/notify", 200, { channels: [] });

      const result = await run(["list"]);

      expect(result).toEqual({
        code: 0,
        stdout: "No notification channels; add one with deliverybot notify add <owner> <name> --webhook|--slack\n",
        stderr: "",
      });
      api.done();
    });
  });

  describe("remove", () => {
    it("removes a channel", async () => {
      api.expect("DELETE", "/admin/notify/acme/deploys", 200, { removed: true });

      const result = await run(["remove", "acme", "deploys"]);

      expect(result).toEqual({ code: 0, stdout: "Removed channel acme/deploys: nothing is sent to it any more.\n", stderr: "" });
      api.done();
    });

    it("exits 1 for a channel that does not exist", async () => {
      api.expect("DELETE", "/admin/notify/acme/deploys", 404, { error: "no notification channel acme/deploys" });

      const result = await run(["remove", "acme", "deploys"]);

      expect(result).toEqual({
        code: 1,
        stdout: "",
        stderr: "deliverybot notify: no channel acme/deploys; see deliverybot notify list\n",
      });
    });
  });

  describe("test", () => {
    it("says the ping was delivered and what the receiver answered, exit 0", async () => {
      api.expect("POST", "/admin/notify/acme/deploys/test", 200, { delivered: true, status: 204 });

      const result = await run(["test", "acme", "deploys"]);

      expect(result).toEqual({
        code: 0,
        stdout: "Delivered a test ping to acme/deploys: its receiver answered 204.\n",
        stderr: "",
      });
      api.done();
    });

    it("says why the ping was not delivered, exit 1", async () => {
      api.expect("POST", "/admin/notify/acme/deploys/test", 200, { delivered: false, error: "the receiver answered 500" });

      const result = await run(["test", "acme", "deploys"]);

      expect(result).toEqual({
        code: 1,
        stdout: "",
        stderr: "deliverybot notify: the test ping to acme/deploys was not delivered: the receiver answered 500\n",
      });
    });

    it.each([
      [404, { error: "no notification channel acme/deploys" }, 1, "no channel acme/deploys; see deliverybot notify list"],
      [
        409,
        { error: "notification channel acme/deploys does not open: register it again" },
        2,
        "notification channel acme/deploys does not open: register it again",
      ],
    ])("exits by the app's %i answer, saying what it said", async (status, answer, code, message) => {
      api.expect("POST", "/admin/notify/acme/deploys/test", status, answer);

      expect(await run(["test", "acme", "deploys"])).toEqual({ code, stdout: "", stderr: `deliverybot notify: ${message}\n` });
    });
  });

  it.each([
    [[], "a subcommand is needed: add, list, remove or test; see deliverybot help notify"],
    [["rotate"], 'unknown subcommand "rotate": add, list, remove or test; see deliverybot help notify'],
    [["add", "acme"], "usage: deliverybot notify add <owner> <name> --webhook|--slack"],
    [["add", "acme", "deploys"], "add needs --webhook or --slack (one of them); see deliverybot help notify"],
    [
      ["add", "acme", "deploys", "--webhook", "--slack"],
      "add needs --webhook or --slack (one of them); see deliverybot help notify",
    ],
    [
      ["add", "acme", "Deploys", "--slack"],
      'invalid channel name "Deploys": use lower-case letters, digits and -, starting with a letter or digit, at most 40 characters (e.g. deploys)',
    ],
    [
      ["add", "acme/shop", "deploys", "--slack"],
      'the owner must be a GitHub account\'s login (an organisation or user, e.g. acme), got "acme/shop"',
    ],
    [["list", "acme", "deploys"], "usage: deliverybot notify list [owner]"],
    [["list", "--replace"], "--replace is an option of add only; see deliverybot help notify"],
    [["remove", "acme"], "usage: deliverybot notify remove <owner> <name>"],
    [["test"], "usage: deliverybot notify test <owner> <name>"],
    [["add", "acme", "deploys", "--slack", "--url"], "--url needs a value; see deliverybot help notify"],
    [
      ["list", "--token", "x"],
      "the admin token is read from the ADMIN_TOKEN environment variable only, never a flag (shell history); see deliverybot help notify",
    ],
  ])("%j is a usage error: exit 2, no call, stdin not read", async (argv, message) => {
    expect(await run(argv, { stdin: RECEIVER_URL })).toEqual({ code: 2, stdout: "", stderr: `deliverybot notify: ${message}\n` });
    expect(api.sent).toEqual([]);
    expect(stdinReads).toBe(0);
  });

  it("asks for ADMIN_TOKEN before reading stdin", async () => {
    const result = await run(["add", "acme", "deploys", "--slack"], { stdin: RECEIVER_URL, env: { ADMIN_TOKEN: undefined } });

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "deliverybot notify: set ADMIN_TOKEN to the admin token the app was started with (an environment variable, not a flag)\n",
    );
    expect(stdinReads).toBe(0);
  });

  it("help notify explains the commands, stdin, the secret shown once and how receivers verify requests", async () => {
    const result = await run(["--help"]);

    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(
      /^Usage: deliverybot notify add <owner> <name> --webhook\|--slack \[--allow-private\] \[--replace\]/,
    );
    for (const command of ["add <owner> <name>", "list [owner]", "remove <owner> <name>", "test <owner> <name>"]) {
      expect(result.stdout).toMatch(new RegExp(`^ {2}${command.replace(/[[\]]/g, "\\$&")} +\\S`, "m"));
    }
    expect(result.stdout).toContain("read from stdin (one line)");
    expect(result.stdout).toContain("prints it this one time only");
    expect(result.stdout).toContain('X-Deliverybot-Signature-256 is "sha256=" followed by\nthe hex HMAC-SHA256 of the raw body');
    expect(result.stdout).toContain(
      'refuse a body whose "timestamp" (Unix seconds, signed with the\nrest) is more than a few minutes old',
    );
    expect(result.stdout).toContain("Exit codes: 0 done, 1 no such channel or the test ping was not delivered, 2 usage error");
    expect(await runCli(["help", "notify"], createFakeIo().io)).toBe(0);
  });

  it("is listed in deliverybot --help", async () => {
    const fake = createFakeIo();

    await runCli(["--help"], fake.io);

    expect(fake.stdout()).toMatch(
      /^ {2}notify add\|list\|remove\|test +manage the channels deployment notifications are sent to$/m,
    );
  });
});
