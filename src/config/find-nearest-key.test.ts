import { describe, expect, it } from "@jest/globals";
import { findNearestKey } from "./find-nearest-key.js";

const KEYS = ["auto_deploy_on", "environment", "task", "description", "payload", "required_contexts"];

describe("findNearestKey", () => {
  it.each([
    ["enviroment", "environment"],
    ["Environment", "environment"],
    ["auto-deploy-on", "auto_deploy_on"],
    ["autoDeployOn", "auto_deploy_on"],
    ["tasks", "task"],
    ["required_context", "required_contexts"],
    ["foo", undefined],
    ["xyz_totally_different", undefined],
  ])("suggests %j -> %j", (key, expected) => {
    expect(findNearestKey(key, KEYS)).toBe(expected);
  });

  it("suggests nothing from an empty list", () => {
    expect(findNearestKey("task", [])).toBeUndefined();
  });
});
