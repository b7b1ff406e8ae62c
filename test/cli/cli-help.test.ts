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

  it("lists validate, hooks and events as available and the commands not built yet as coming next", async () => {
    const { stdout } = await run("--help");

    const line = (name: string) => stdout.split("\n").find((text) => text.startsWith(`  ${name} `)) ?? "";
    for (const name of ["validate", "hooks", "events"]) expect(line(name)).not.toContain("coming next");
    for (const name of ["deploy"]) expect(line(name)).toMatch(/\(coming next\)$/);
    expect(line("events")).toContain("events [--all] [--limit N]");
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

  it("help events explains --all, --limit and how to have GitHub redeliver a failed delivery", async () => {
    const result = await run("help", "events");

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: deliverybot events \[--all\] \[--limit N\]/);
    expect(result.stdout).toContain("Recent deliveries");
    expect(result.stdout).toContain("ADMIN_TOKEN");
    expect(result.stdout).not.toContain("coming next");
  });

  it.each([["deploy"]])("help %s says it is not available yet", async (name) => {
    const result = await run("help", name);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: deliverybot ${name}`));
    expect(result.stdout).toContain("Not available in this version yet (coming next).");
  });
});
