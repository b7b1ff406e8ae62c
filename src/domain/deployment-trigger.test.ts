import { describe, expect, it } from "@jest/globals";
import type { DeploymentTrigger } from "./deployments.js";
import { readDeploymentActor, readDeploymentTrigger } from "./deployment-trigger.js";

describe("readDeploymentTrigger", () => {
  it.each<[string, DeploymentTrigger]>([
    ["push", "auto"],
    ["pull_request", "auto"],
    ["command", "command"],
    ["hook", "hook"],
    ["admin", "cli"],
    ["dashboard", "dashboard"],
  ])("reads Deliverybot's trigger %s as %s", (trigger, expected) => {
    expect(readDeploymentTrigger({ trigger, idempotency_key: "abc" })).toBe(expected);
  });

  it.each<[string, unknown]>([
    ["no payload", null],
    ["a string payload", "deploy"],
    ["a payload without Deliverybot's idempotency key", { trigger: "command" }],
    ["a trigger Deliverybot does not write", { trigger: "toString", idempotency_key: "abc" }],
    ["someone else's payload", { version: "1.2" }],
  ])("reads %s as external", (_case, payload) => {
    expect(readDeploymentTrigger(payload)).toBe("external");
  });
});

describe("readDeploymentActor", () => {
  it("reads the actor Deliverybot writes for commands, and nothing else", () => {
    expect(readDeploymentActor({ actor: "alice" })).toBe("alice");
    expect(readDeploymentActor({ actor: 7 })).toBeUndefined();
    expect(readDeploymentActor(null)).toBeUndefined();
  });
});
