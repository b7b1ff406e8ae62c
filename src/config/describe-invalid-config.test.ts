import { describe, expect, it } from "@jest/globals";
import { describeInvalidConfig } from "./describe-invalid-config.js";

describe("describeInvalidConfig", () => {
  it("names the first problem with its file and line, and how many more there are", () => {
    const problems = [
      { file: ".github/deploy.yml", line: 4, key: "targets.production.soak", message: "`soak` must be a duration." },
      { file: ".github/deploy.yml", key: "targets", message: "no targets" },
    ];

    expect(describeInvalidConfig(problems)).toBe(
      "The configuration is invalid, nothing deploys until it is fixed: .github/deploy.yml:4 `soak` must be a duration. (and 1 more)",
    );
    expect(describeInvalidConfig(problems.slice(1))).toBe(
      "The configuration is invalid, nothing deploys until it is fixed: .github/deploy.yml no targets",
    );
  });
});
