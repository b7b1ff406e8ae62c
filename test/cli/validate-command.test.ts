import { describe, expect, it } from "@jest/globals";
import { V1, V2 } from "./deploy-files.js";
import { runWithFakeIo } from "./fake-io.js";

async function validate(args: string[], files: { readonly [path: string]: string | Error }) {
  return runWithFakeIo(["validate", ...args], files);
}

describe("deliverybot validate", () => {
  it("accepts a valid v2 file at the default path and names its targets", async () => {
    const result = await validate([], { "/repo/.github/deploy.yml": V2 });

    expect(result).toEqual({ code: 0, stdout: "✓ .github/deploy.yml is valid: 2 targets (production, review)\n", stderr: "" });
  });

  it("accepts a valid v1 file, printing the app's warnings with their lines", async () => {
    const result = await validate(["config/deploy.yml"], { "/repo/config/deploy.yml": V1 });

    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      "config/deploy.yml:5: warning: staging.auto_deploy_on: `main` does not start with `refs/`, so it never matches a push; " +
        "write `refs/heads/main` (refs/heads/NAME for a branch, refs/tags/NAME for a tag), or `pr` for pull requests.\n" +
        "✓ config/deploy.yml is valid: 2 targets (production, staging), 1 warning\n",
    );
  });

  it("reports a YAML syntax error on its line, exit 1", async () => {
    const result = await validate(["deploy.yml"], { "/repo/deploy.yml": "version: 2\ntargets:\n  a: [\n  b: 1\n" });

    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^deploy\.yml:4: error: YAML syntax error: .+\n✗ 1 problem in deploy\.yml\n$/);
  });

  it("reports an unknown key on its line with the nearest key, as plain text", async () => {
    const text = V2.replace("    required_contexts: [ci/test]", "    requried_contexts: [ci/test]");

    const result = await validate(["/abs/deploy.yml"], { "/abs/deploy.yml": text });

    expect(result.code).toBe(1);
    const [error, summary, ...rest] = result.stdout.split("\n");
    expect(error).toMatch(
      /^\/abs\/deploy\.yml:5: error: targets\.production\.requried_contexts: unknown key `requried_contexts` in target `production`; did you mean `required_contexts`\? Allowed keys are /,
    );
    expect(summary).toBe("✗ 1 problem in /abs/deploy.yml");
    expect(rest).toEqual([""]);
    expect(result.stdout).not.toMatch(/<code>|\\_|\*\*/);
  });

  it("counts every problem, one line each; no line or key means `path: error: message`", async () => {
    const several = await validate(["d.yml"], {
      "/repo/d.yml": "version: 2\ntargets:\n  a:\n    auto_merge: yes\n    tsk: x\n",
    });
    const empty = await validate(["e.yml"], { "/repo/e.yml": "" });

    expect(several.code).toBe(1);
    expect(several.stdout.split("\n").filter((line) => line.startsWith("d.yml:"))).toHaveLength(2);
    expect(several.stdout).toContain("✗ 2 problems in d.yml\n");
    expect(empty.stdout).toMatch(/^e\.yml: error: no targets: the file is empty\. .+\n✗ 1 problem in e\.yml\n$/);
  });

  it("shows control characters from the file as escapes, never raw", async () => {
    const result = await validate(["d.yml"], { "/repo/d.yml": 'version: 2\ntargets:\n  "a\\e[31mb\\nc": {}\n' });

    expect(result.code).toBe(1);
    expect(result.stdout).toContain("a\\u001b[31mb c");
    expect(result.stdout).not.toContain("\u001b");
    expect(result.stdout.split("\n")).toHaveLength(3);
  });

  it("prints { valid, problems, warnings, targets } with --format json", async () => {
    const valid = await validate(["--format", "json"], { "/repo/.github/deploy.yml": V2 });
    const invalid = await validate(["--format=json", "d.yml"], { "/repo/d.yml": "version: 3\n" });

    expect(valid.code).toBe(0);
    expect(JSON.parse(valid.stdout)).toEqual({ valid: true, problems: [], warnings: [], targets: ["production", "review"] });
    expect(invalid.code).toBe(1);
    expect(JSON.parse(invalid.stdout)).toEqual({
      valid: false,
      problems: [{ file: "d.yml", line: 1, key: "version", message: expect.stringContaining("unsupported `version: 3`") }],
      warnings: [],
      targets: [],
    });
  });
});
