import { describe, expect, it } from "@jest/globals";
import { runCli } from "../../src/cli/run-cli.js";
import { createFakeIo, runWithFakeIo } from "./fake-io.js";

async function run(...argv: string[]) {
  return runWithFakeIo(argv);
}

describe("runCli: usage errors exit 2 with the usage on stderr", () => {
  it("needs a command", async () => {
    const result = await run();

    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: `deliverybot: a command is needed\n\n${(await run("--help")).stdout}`,
    });
  });

  it.each([
    [["valdate"], 'deliverybot: unknown command "valdate"; did you mean "validate"?'],
    [["hook", "list"], 'deliverybot: unknown command "hook"; did you mean "hooks"?'],
    [["evnets"], 'deliverybot: unknown command "evnets"; did you mean "events"?'],
    [["promot", "acme/shop"], 'deliverybot: unknown command "promot"; did you mean "promote"?'],
    [["help", "validat"], 'deliverybot: unknown command "validat"; did you mean "validate"?'],
    [["frobnicate"], 'deliverybot: unknown command "frobnicate"'],
    [["--version"], 'deliverybot: unknown option "--version"'],
    [["help", "validate", "hooks"], "deliverybot: help takes one command"],
  ])("%j", async (argv, message) => {
    const result = await run(...argv);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`${message}\n\n${(await run("--help")).stdout}`);
  });

  it("reports a command's unexpected failure as a bug, exit 2 (not 1, which means invalid)", async () => {
    const fake = createFakeIo({ "/repo/.github/deploy.yml": "version: 2\n" });
    fake.io.stdout = () => {
      throw new Error("unexpected");
    };

    const code = await runCli(["validate"], fake.io);

    expect(code).toBe(2);
    expect(fake.stderr()).toBe("deliverybot: validate failed unexpectedly: Error: unexpected; please report this bug\n");
  });
});
