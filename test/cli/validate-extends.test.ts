import { describe, expect, it } from "@jest/globals";
import { runWithFakeIo } from "./fake-io.js";

async function validate(text: string, format = "text") {
  const { code, stdout } = await runWithFakeIo(["validate", "--format", format], { "/repo/.github/deploy.yml": text });
  return { code, stdout };
}

describe("deliverybot validate: _extends cannot be resolved offline", () => {
  it("passes a file whose only key is _extends, warning that nothing inherited was checked", async () => {
    const result = await validate("# inherit everything\n_extends: my-org/.github\n");

    expect(result).toEqual({
      code: 0,
      stdout:
        ".github/deploy.yml:2: warning: _extends: inherits from `my-org/.github`, which cannot be read offline: " +
        "its targets and settings were not checked.\n" +
        "✓ .github/deploy.yml is valid: no targets of its own, 1 warning\n",
    });
  });

  it("checks the file's own targets and warns that inherited settings were not", async () => {
    const result = await validate("_extends: .github\nproduction:\n  auto_deploy_on: refs/heads/main\n", "json");

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      valid: true,
      problems: [],
      warnings: [
        {
          file: ".github/deploy.yml",
          line: 1,
          key: "_extends",
          message:
            "inherits from `.github`, which cannot be read offline: inherited settings were not checked, only this file's own content.",
        },
      ],
      targets: ["production"],
    });
  });

  it("still reports the file's own problems, with the warning", async () => {
    const result = await validate("_extends: .github\nproduction:\n  auto_deploy_onn: refs/heads/main\n");

    expect(result.code).toBe(1);
    expect(result.stdout).toContain(".github/deploy.yml:3: error: production.auto_deploy_onn: unknown key");
    expect(result.stdout).toContain(".github/deploy.yml:1: warning: _extends: inherits from `.github`");
    expect(result.stdout).toMatch(/✗ 1 problem in \.github\/deploy\.yml\n$/);
  });

  it("rejects an _extends that is not a string, on its line", async () => {
    const result = await validate("_extends: 5\n");

    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      ".github/deploy.yml:1: error: _extends: `_extends` must be a string, e.g. `.github`; found the number `5`.\n" +
        "✗ 1 problem in .github/deploy.yml\n",
    );
  });
});
