import { describe, expect, it } from "@jest/globals";
import { checkTemplates } from "./check-templates.js";

describe("checkTemplates", () => {
  it.each([
    ["known variables", { environment: "pr${{ pr }}", description: "${{ref}}", payload: { a: ["${{ sha }}"] } }, []],
    ["an unknown variable in environment", { environment: "${{ branch }}" }, [["production", "environment"]]],
    [
      "one problem per unknown name in a string",
      { description: "${{ a }} ${{ b }} ${{ a }}" },
      [
        ["production", "description"],
        ["production", "description"],
      ],
    ],
    ["payload leaves at any depth", { payload: { x: { y: [1, "${{ nope }}"] } } }, [["production", "payload", "x", "y", 1]]],
    ["untemplated keys are not checked", { task: "${{ nope }}", auto_deploy_on: "refs/heads/${{ nope }}" }, []],
    ["payload keys are not checked", { payload: { "${{ nope }}": 1 } }, []],
    [
      "legacy deployments entries",
      { deployments: [{ environment: "${{ nope }}" }] },
      [["production", "deployments", 0, "environment"]],
    ],
  ])("%s", (_name, target, paths) => {
    const problems = checkTemplates([{ name: "production", path: ["production"], target }]);

    expect(problems.map((problem) => problem.path)).toEqual(paths);
  });

  it("explains an empty template and suggests the nearest variable", () => {
    const problems = checkTemplates([
      { name: "p", path: ["targets", "p"], target: { environment: "${{ }}", description: "${{ short-sha }}" } },
    ]);

    expect(problems.map((problem) => problem.message)).toEqual([
      "empty template `${{ }}` in `targets.p.environment`; the variables are `ref`, `sha`, `short_sha`, `pr`, `target`, `owner`, `repo`.",
      "unknown template variable `${{ short-sha }}` in `targets.p.description`; the variables are `ref`, `sha`, `short_sha`, `pr`, `target`, `owner`, `repo`. Did you mean `${{ short_sha }}`?",
    ]);
  });
});
