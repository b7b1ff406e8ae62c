import { describe, expect, it } from "@jest/globals";
import { selectHookTarget } from "./select-hook-target.js";
import { config, target } from "./test-fixtures.js";

const production = target({ name: "production", hooks: ["dockerhub"] });
const staging = target({ name: "staging", environment: "staging", hooks: ["dockerhub", "jenkins"] });
const review = target({ name: "review", environment: "review" });

describe("selectHookTarget", () => {
  it.each([
    ["the target the URL names", config(production, staging), "staging", "staging"],
    ["the URL's target in any case", config(production, staging), "Staging", "staging"],
    ["the only target that lists the hook", config(production, review), undefined, "production"],
  ])("picks %s", (_name, file, requested, expected) => {
    const selection = selectHookTarget(file, "dockerhub", requested);

    expect("target" in selection && selection.target.name).toBe(expected);
  });

  it.each([
    [
      "a target the URL names that does not list the hook",
      "review",
      "not_allowed",
      "not_permitted",
      /does not allow hook dockerhub/,
    ],
    [
      "no target in the URL, and none lists the hook",
      undefined,
      "not_allowed",
      "not_permitted",
      /No target allows hook dockerhub/,
    ],
    ["a target that does not exist", "prod", "unknown_target", "invalid_request", /no target prod; it may deploy production/],
  ])("refuses %s", (_name, requested, refusal, reason, message) => {
    const file = requested === undefined ? config(review) : config(production, review);

    expect(selectHookTarget(file, "dockerhub", requested)).toEqual({ refusal, reason, message: expect.stringMatching(message) });
  });

  it("asks for a target in the URL when several list the hook, naming them", () => {
    expect(selectHookTarget(config(production, staging), "dockerhub", undefined)).toEqual({
      refusal: "ambiguous",
      reason: "invalid_request",
      message: "Targets production, staging allow hook dockerhub; name one in the URL: /hooks/deploy/<hook-id>/<target>.",
    });
  });

  it("says when an unknown target was named and no target lists the hook", () => {
    expect(selectHookTarget(config(review), "dockerhub", "prod")).toMatchObject({
      message: "There is no target prod; no target lists it in `hooks`.",
    });
  });
});
