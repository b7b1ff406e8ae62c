import { describe, expect, it } from "@jest/globals";
import { checkDefaultTarget } from "./check-default-target.js";
import type { DeployFile } from "./config-types.js";

const v2 = (default_target: string | undefined): DeployFile => ({
  version: 2,
  targets: { production: {}, staging: {}, "eu.prod": {} },
  ...(default_target === undefined ? {} : { default_target }),
});

describe("checkDefaultTarget", () => {
  it.each([
    ["no default_target", v2(undefined)],
    ["a target", v2("production")],
    ["a target with a dot", v2("eu.prod")],
    ["a v1 file, which has no default_target", { production: {} }],
  ])("accepts %s", (_name, doc) => {
    expect(checkDefaultTarget(doc)).toEqual([]);
  });

  it.each([
    ["a typo", "prodution", "`default_target: prodution` is not a target", " Did you mean `production`?"],
    ["another case", "Staging", "`default_target: Staging` is not a target", " Did you mean `staging`?"],
    ["an unrelated name", "qa", "`default_target: qa` is not a target", ""],
    ["an empty string", "", '`default_target: ""` is not a target', ""],
    ["an inherited prototype key", "constructor", "`default_target: constructor` is not a target", ""],
  ])("rejects %s at default_target, naming the targets", (_name, value, start, hint) => {
    expect(checkDefaultTarget(v2(value))).toEqual([
      { path: ["default_target"], message: `${start}; write one of \`production\`, \`staging\`, \`eu.prod\`.${hint}` },
    ]);
  });
});
