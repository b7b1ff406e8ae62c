import { describe, expect, it, beforeAll, afterAll } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");
const BIN = join(ROOT, "lib", "cli", "main.js");

/** The real executable, built as `npm run build` builds it, run in a scratch repository. */
describe("the deliverybot binary (end to end)", () => {
  let repo: string | undefined;

  beforeAll(() => {
    // The same compiler and config as `npm run build`; output to lib/, which package.json "bin" names.
    const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
    const build = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: ROOT, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
    repo = mkdtempSync(join(tmpdir(), "deliverybot-cli-"));
    mkdirSync(join(repo, ".github"));
    writeFileSync(
      join(repo, ".github", "deploy.yml"),
      "version: 2\ntargets:\n  production:\n    auto_deploy_on: refs/heads/main\n",
    );
    writeFileSync(join(repo, "bad.yml"), "version: 2\ntargets:\n  production:\n    auto_deploy_onn: refs/heads/main\n");
  }, 60_000);

  afterAll(() => {
    if (repo !== undefined) rmSync(repo, { recursive: true, force: true });
  });

  it("is the package's bin, starts with a shebang, validates in the working directory and exits 0 / 1 / 2", () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: repo, encoding: "utf8" });

    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { bin?: { [name: string]: string } };
    expect(join(ROOT, pkg.bin?.["deliverybot"] ?? "")).toBe(BIN);
    expect(readFileSync(BIN, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);

    const valid = run("validate");
    expect({ status: valid.status, stdout: valid.stdout, stderr: valid.stderr }).toEqual({
      status: 0,
      stdout: "✓ .github/deploy.yml is valid: 1 target (production)\n",
      stderr: "",
    });

    const invalid = run("validate", "bad.yml");
    expect(invalid.status).toBe(1);
    expect(invalid.stdout).toMatch(
      /^bad\.yml:4: error: targets\.production\.auto_deploy_onn: unknown key .+\n✗ 1 problem in bad\.yml\n$/,
    );

    const missing = run("validate", "nope.yml");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^deliverybot validate: cannot read nope\.yml: no such file;/);
  }, 60_000);
});
