import { describe, expect, it } from "@jest/globals";
import { locateProblems } from "./locate-problems.js";

const REPO = { file: ".github/deploy.yml", text: "production:\n  environment: prod\n  task: x\n" };
const ORG = { file: "acme/.github:.github/deploy.yml", text: "# org defaults\nproduction:\n  payload:\n    port: 1\n" };

describe("locateProblems", () => {
  it("reports the line in the repository's file when it holds the path", () => {
    const problems = locateProblems([{ path: ["production", "task"], message: "m" }], [REPO, ORG]);

    expect(problems).toEqual([{ file: ".github/deploy.yml", line: 3, key: "production.task", message: "m" }]);
  });

  it("reports the line in an extended file when only that file holds the path", () => {
    const problems = locateProblems([{ path: ["production", "payload", "port"], message: "m" }], [REPO, ORG]);

    expect(problems).toEqual([
      { file: "acme/.github:.github/deploy.yml", line: 4, key: "production.payload.port", message: "m" },
    ]);
  });

  it("falls back to the deepest existing parent, preferring the first file on ties", () => {
    const problems = locateProblems([{ path: ["production", "missing"], message: "m" }], [REPO, ORG]);

    expect(problems).toEqual([{ file: ".github/deploy.yml", line: 1, key: "production.missing", message: "m" }]);
  });

  it("leaves the line out when no file has content, and names the default file without files", () => {
    expect(locateProblems([{ path: [], message: "no targets" }], [{ file: "x.yml", text: "" }])).toEqual([
      { file: "x.yml", key: "", message: "no targets" },
    ]);
    expect(locateProblems([{ path: ["a"], message: "m" }], [])).toEqual([{ file: ".github/deploy.yml", key: "a", message: "m" }]);
  });

  it("orders problems by file, then line", () => {
    const problems = locateProblems(
      [
        { path: ["production", "payload", "port"], message: "org" },
        { path: ["production", "task"], message: "line 3" },
        { path: ["production", "environment"], message: "line 2" },
      ],
      [REPO, ORG],
    );

    expect(problems.map((problem) => problem.message)).toEqual(["line 2", "line 3", "org"]);
  });
});
