import { describe, expect, it } from "@jest/globals";
import { locateYamlPath } from "./locate-yaml-path.js";

const SOURCE = `# deploy config
production:
  auto_deploy_on: refs/heads/master
  environment: production
  required_contexts:
    - ci/build
    - ci/test
  payload:
    port: 8080
    nested:
      deep: true
staging: &staging
  environment: pr\${{ pr }}
review: *staging
"quoted key":
  task: deploy
`;

describe("locateYamlPath", () => {
  it.each([
    [[], 2, 0],
    [["production"], 2, 1],
    [["production", "environment"], 4, 2],
    [["production", "required_contexts", 1], 7, 3],
    [["production", "payload", "nested", "deep"], 11, 4],
    [["staging", "environment"], 13, 2],
    [["review", "environment"], 13, 2],
    [["quoted key", "task"], 16, 2],
  ] as const)("finds %j on line %i", (path, line, depth) => {
    expect(locateYamlPath(SOURCE, path)).toEqual({ line, depth });
  });

  it.each([
    [["production", "task"], 2, 1],
    [["production", "required_contexts", 5], 5, 2],
    [["production", "environment", "x"], 4, 2],
    [["nope", "environment"], 2, 0],
  ] as const)("falls back to the nearest parent of missing %j", (path, line, depth) => {
    expect(locateYamlPath(SOURCE, path)).toEqual({ line, depth });
  });

  it("matches numeric keys written as numbers", () => {
    expect(locateYamlPath("targets:\n  123:\n    task: x\n", ["targets", "123", "task"])).toEqual({ line: 3, depth: 3 });
  });

  it("finds entries of flow collections", () => {
    expect(locateYamlPath("a:\n  list: [x, y]\n  map: { k: 1 }\n", ["a", "map", "k"])).toEqual({ line: 3, depth: 3 });
  });

  it("returns undefined for an empty file", () => {
    expect(locateYamlPath("", ["production"])).toBeUndefined();
    expect(locateYamlPath("# only a comment\n", [])).toBeUndefined();
  });

  it("still locates keys in a file with a syntax error further down", () => {
    expect(locateYamlPath("production:\n  task: x\nbad: [\n", ["production", "task"])).toEqual({ line: 2, depth: 2 });
  });
});
