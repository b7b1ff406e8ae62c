import { describe, expect, it } from "@jest/globals";
import type { PathFilter } from "../config/model.js";
import { matchPathFilter } from "./match-path-filter.js";

const paths = (...patterns: string[]): PathFilter => ({ kind: "paths", patterns });
const ignore = (...patterns: string[]): PathFilter => ({ kind: "paths_ignore", patterns });

describe("matchPathFilter", () => {
  it.each([
    ["a file under the folder", paths("services/api/**"), ["services/api/src/main.ts"], true],
    ["only other folders", paths("services/api/**"), ["services/web/main.ts", "README.md"], false],
    ["one matching file among others", paths("services/api/**"), ["README.md", "services/api/x.ts"], true],
    ["a sibling folder sharing the prefix", paths("services/api/**"), ["services/api-gateway/main.ts"], false],
    ["* not crossing /", paths("services/*.ts"), ["services/api/main.ts"], false],
    ["** crossing / inside a name", paths("**.tf"), ["infra/prod/main.tf"], true],
    ["**/ matching no folder at all", paths("**/Dockerfile"), ["Dockerfile"], true],
    ["a dotfile", paths("services/api/**"), ["services/api/.env.example"], true],
    ["no changed file", paths("**"), [], false],
  ])("paths: %s", (_name, filter, files, expected) => {
    expect(matchPathFilter(filter, files)).toBe(expected);
  });

  it.each([
    ["an exclusion after the inclusion excludes", paths("services/api/**", "!**.md"), ["services/api/README.md"], false],
    ["other files still match", paths("services/api/**", "!**.md"), ["services/api/README.md", "services/api/a.ts"], true],
    ["an inclusion after the exclusion includes again", paths("docs/**", "!docs/**", "docs/api/**"), ["docs/api/x.md"], true],
    ["the last matching pattern decides", paths("docs/**", "!docs/**", "docs/api/**"), ["docs/web/x.md"], false],
    ["an exclusion before any inclusion changes nothing", paths("!**.md", "**"), ["README.md"], true],
  ])("negation order: %s", (_name, filter, files, expected) => {
    expect(matchPathFilter(filter, files)).toBe(expected);
  });

  it.each([
    ["only ignored files", ignore("docs/**", "**.md"), ["docs/a.txt", "services/api/README.md"], false],
    ["one file not ignored", ignore("docs/**", "**.md"), ["docs/a.txt", "services/api/a.ts"], true],
    ["no changed file", ignore("docs/**"), [], false],
  ])("paths_ignore: %s", (_name, filter, files, expected) => {
    expect(matchPathFilter(filter, files)).toBe(expected);
  });

  it("refuses a pattern validation would have refused, as a bug", () => {
    expect(() => matchPathFilter(paths("/docs/**"), ["docs/a.md"])).toThrow("passed validation");
  });
});
