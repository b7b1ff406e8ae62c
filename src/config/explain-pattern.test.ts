import { describe, expect, it } from "@jest/globals";
import { explainPattern } from "./explain-pattern.js";
import { deployConfigSchema } from "./schema.js";

const actor = deployConfigSchema.definitions.TargetV2.properties.deployers.items;
const prefix = deployConfigSchema.definitions.DeployFileV2.properties.command_prefix;
const ACTOR = "must be a GitHub login such as `octocat`, or a team as `org/team-slug` such as `my-org/release-managers`";
const PREFIX = "must be 1 to 20 characters without spaces, except one space at the end, such as `/` or `deliverybot `";

describe("explainPattern", () => {
  it.each([
    ["an @-mention", "@octocat", `found "@octocat". Write \`octocat\`, without the \`@\`.`],
    ["an @-mentioned team", "@my-org/sre", `found "@my-org/sre". Write \`my-org/sre\`, without the \`@\`.`],
    ["spaces around a login", " octocat ", `found " octocat ". Write \`octocat\`, without the spaces.`],
    [
      "a nested team path",
      "my-org/eng/sre",
      `found "my-org/eng/sre". A team is the organisation and the team's slug only, e.g. \`my-org/release-managers\`.`,
    ],
    ["anything else", "octo_cat", `found "octo_cat".`],
  ])("explains a deployers entry with %s", (_name, value, found) => {
    const problem = explainPattern(["targets", "p", "deployers", 0], actor, value);

    expect(problem).toEqual({ path: ["targets", "p", "deployers", 0], message: `\`targets.p.deployers[0]\` ${ACTOR}; ${found}` });
  });

  it.each([
    ["too long", "a".repeat(21), `found "${"a".repeat(21)}" (21 characters).`],
    ["two spaces at the end", "bot  ", `found "bot  " (more than one space at the end).`],
    ["a space inside", "deliver bot", `found "deliver bot".`],
    ["an empty string", "", `found "".`],
  ])("explains a command_prefix that is %s", (_name, value, found) => {
    expect(explainPattern(["command_prefix"], prefix, value)).toEqual({
      path: ["command_prefix"],
      message: `\`command_prefix\` ${PREFIX}; ${found}`,
    });
  });

  it("explains a hooks entry in words", () => {
    const hookName = deployConfigSchema.definitions.TargetV2.properties.hooks.items;

    expect(explainPattern(["targets", "p", "hooks", 0], hookName, "Docker_Hub")).toEqual({
      path: ["targets", "p", "hooks", 0],
      message:
        '`targets.p.hooks[0]` must be a name of lower-case letters, digits and `-` (at most 40, starting with a letter or digit) such as `dockerhub` or `ops-slack`; found "Docker_Hub".',
    });
  });

  it("quotes a pattern it has no words for", () => {
    expect(explainPattern(["a"], { type: "string", pattern: "^x+$" }, "y")).toEqual({
      path: ["a"],
      message: '`a` must be a string matching `^x+$`; found "y".',
    });
  });
});
