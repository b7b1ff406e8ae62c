import { describe, expect, it } from "@jest/globals";
import { runWithFakeIo } from "./fake-io.js";

async function run(...argv: string[]) {
  return runWithFakeIo(argv);
}

const USAGE_START = "Usage: deliverybot <command> [options]\n";

describe("runCli: help and usage", () => {
  it.each([["--help"], ["-h"], ["help"], ["help", "--help"]])("%s prints the usage to stdout, exit 0", async (...argv) => {
    const result = await run(...argv);

    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout.startsWith(USAGE_START)).toBe(true);
  });

  it("lists validate, hooks, events, deploy and promote as available, none as coming next", async () => {
    const { stdout } = await run("--help");

    const line = (name: string) => stdout.split("\n").find((text) => text.startsWith(`  ${name} `)) ?? "";
    for (const name of ["validate", "hooks", "events", "deploy", "promote"]) expect(line(name)).not.toContain("coming next");
    expect(line("deploy")).toContain("deploy <owner/repo> <target> [--ref ...]");
    expect(line("promote")).toContain("promote <owner/repo> <from> <to>");
    expect(line("events")).toContain("events [--all] [--limit N] | retry <id>");
    expect(line("hooks")).toContain("hooks create|list|revoke");
    expect(line("help")).toContain("help [command]");
  });

  it.each([
    ["help", "validate"],
    ["validate", "--help"],
    ["validate", "a.yml", "-h"],
  ])("%s %s prints validate's help, exit 0", async (...argv) => {
    const result = await run(...argv);

    expect(result).toEqual({ code: 0, stdout: expect.stringMatching(/^Usage: deliverybot validate \[path\]/), stderr: "" });
    expect(result.stdout).toContain("Exit codes: 0 valid (warnings allowed), 1 invalid, 2 usage error or unreadable file.");
  });

  it("help hooks explains the subcommands, the app's address and why ADMIN_TOKEN is not a flag", async () => {
    const result = await run("help", "hooks");

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: deliverybot hooks create <owner\/repo> <name>/);
    expect(result.stdout).toContain("DELIVERYBOT_URL");
    expect(result.stdout).toContain("shell history");
  });

  it("help events explains the statuses, --all, --limit, retry and the two ways to queue a parked delivery again", async () => {
    const result = await run("help", "events");

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Usage: deliverybot events \[--all\] \[--limit N\] \[--url <app-url>\]\n {7}deliverybot events retry <delivery-id> /,
    );
    for (const status of ["retrying", "parked", "queued", "running"])
      expect(result.stdout).toMatch(new RegExp(`^  ${status} `, "m"));
    expect(result.stdout).toContain("failed too often: kept with its last error, not retried");
    expect(result.stdout).toContain("another worker takes the\n             delivery over once its lease runs out");
    expect(result.stdout).toContain("Recent deliveries → the delivery → Redeliver");
    expect(result.stdout).toMatch(/^ {2}retry <delivery-id> +queue a parked delivery again/m);
    expect(result.stdout).toContain("ADMIN_TOKEN");
    expect(result.stdout).toContain(
      "Exit codes: 0 listed (also when there is nothing to list) or queued again, 1 the delivery to\nretry is not parked",
    );
    expect(result.stdout).not.toMatch(/stuck|coming next/);
  });

  it("help deploy explains the gates, the exit codes and gives an example for another CI", async () => {
    const result = await run("help", "deploy");

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: deliverybot deploy <owner\/repo> <target> \[--ref <branch\|tag\|sha>\]/);
    expect(result.stdout).toContain(
      'ADMIN_TOKEN=… deliverybot deploy acme/shop production --ref "$GIT_COMMIT" --request-id "build-$BUILD_NUMBER" --url https://deliverybot.example.com',
    );
    expect(result.stdout).toContain("Exit codes: 0 deployed or already deployed, 1 refused by a gate");
    expect(result.stdout).not.toContain("coming next");
  });

  it("help promote explains where the commit comes from, the gates, the exit codes and gives an example", async () => {
    const result = await run("help", "promote");

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Usage: deliverybot promote <owner\/repo> <from> <to> \[--request-id <id>\] \[--url <app-url>\]\n/,
    );
    expect(result.stdout).toContain(
      "the commit of the newest deployment of <from>'s environment, once that deployment\nsucceeded",
    );
    expect(result.stdout).toContain(
      'ADMIN_TOKEN=… deliverybot promote acme/shop staging production --request-id "release-$BUILD_NUMBER" --url https://deliverybot.example.com',
    );
    expect(result.stdout).toContain("Exit codes: 0 deployed or already deployed, 1 refused");
    expect(result.stdout).not.toContain("coming next");
  });
});
