import { describe, expect, it } from "@jest/globals";
import { checkPathPatterns } from "./check-path-patterns.js";
import { parseConfigText } from "./parse-config.js";

const target = (keys: { paths?: string[]; paths_ignore?: string[] }) => [{ name: "api", path: ["targets", "api"], target: keys }];

describe("checkPathPatterns", () => {
  it.each([
    ["paths", { paths: ["services/api/**", "libs/**", "!**.md"] }],
    ["paths_ignore", { paths_ignore: ["docs/**", "**.md"] }],
    ["neither", {}],
  ])("accepts a target with %s", (_name, keys) => {
    expect(checkPathPatterns(target(keys))).toEqual([]);
  });

  it("refuses paths and paths_ignore on one target, at paths_ignore", () => {
    expect(checkPathPatterns(target({ paths: ["a/**"], paths_ignore: ["b/**"] }))).toEqual([
      { path: ["targets", "api", "paths_ignore"], message: expect.stringContaining("cannot both be set on one target") },
    ]);
  });

  it("points at each invalid pattern, saying how to fix it", () => {
    expect(checkPathPatterns(target({ paths: ["services/api/**", "/libs/**", "docs/"] }))).toEqual([
      { path: ["targets", "api", "paths", 1], message: expect.stringContaining("write `libs/**`") },
      { path: ["targets", "api", "paths", 2], message: expect.stringContaining("write `docs/**`") },
    ]);
  });

  it("refuses an empty list", () => {
    expect(checkPathPatterns(target({ paths_ignore: [] }))).toEqual([
      { path: ["targets", "api", "paths_ignore"], message: expect.stringContaining("`paths_ignore` is empty") },
    ]);
  });

  it("refuses ! in paths_ignore", () => {
    expect(checkPathPatterns(target({ paths_ignore: ["docs/**", "!docs/api.md"] }))).toEqual([
      { path: ["targets", "api", "paths_ignore", 1], message: expect.stringContaining("cannot start with `!`") },
    ]);
  });

  it("refuses paths that only exclude, since nothing could ever match", () => {
    expect(checkPathPatterns(target({ paths: ["!docs/**"] }))).toEqual([
      { path: ["targets", "api", "paths"], message: expect.stringContaining("put what to include first") },
    ]);
  });
});

describe("paths in a file", () => {
  it("builds the target's path filter in the order written", () => {
    const result = parseConfigText(
      "version: 2\ntargets:\n  api:\n    auto_deploy_on: refs/heads/main\n    paths: ['services/api/**', '!**.md']\n",
      "deploy.yml",
    );

    expect(result).toMatchObject({
      ok: true,
      config: { targets: [{ pathFilter: { kind: "paths", patterns: ["services/api/**", "!**.md"] } }] },
    });
  });

  it("reports an invalid glob with its file, line and key", () => {
    const text = "version: 2\ntargets:\n  api:\n    paths_ignore:\n      - docs/**\n      - 'docs/[a-'\n";

    expect(parseConfigText(text, "deploy.yml")).toEqual({
      ok: false,
      problems: [
        {
          file: "deploy.yml",
          line: 6,
          key: "targets.api.paths_ignore[1]",
          message: "`docs/[a-` has `[` without a closing `]`; escape it as `\\[` to match a literal `[`.",
        },
      ],
    });
  });

  it("lets a v1 target filter by paths too", () => {
    const result = parseConfigText("production:\n  auto_deploy_on: refs/heads/main\n  paths_ignore: [docs/**]\n", "deploy.yml");

    expect(result).toMatchObject({
      ok: true,
      config: { targets: [{ pathFilter: { kind: "paths_ignore", patterns: ["docs/**"] } }] },
    });
  });
});
