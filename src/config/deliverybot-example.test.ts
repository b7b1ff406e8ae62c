import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { parseDocument } from "yaml";
import { parseConfigText } from "./parse-config.js";
import { deployConfigSchema } from "./schema.js";

const text = readFileSync(new URL("../../deliverybot.example.yml", import.meta.url), "utf8");

describe("deliverybot.example.yml", () => {
  it("parses without problems or warnings", () => {
    const result = parseConfigText(text, "deliverybot.example.yml");

    expect(result).toMatchObject({ ok: true, warnings: [] });
  });

  it("uses every target key of the schema", () => {
    const targets = (parseDocument(text).toJS() as { targets: { [name: string]: object } }).targets;
    const used = new Set(Object.values(targets).flatMap((target) => Object.keys(target)));

    for (const key of Object.keys(deployConfigSchema.definitions.TargetV2.properties))
      expect([key, used.has(key)]).toEqual([key, true]);
  });

  it("mentions every top-level key, _extends included", () => {
    for (const key of Object.keys(deployConfigSchema.definitions.DeployFileV2.properties))
      expect(text).toMatch(new RegExp(`^#? ?${key}:`, "m"));
  });

  it("sets default_target to one of its targets and uses a valid command_prefix", () => {
    const result = parseConfigText(text, "deliverybot.example.yml");

    expect(result).toMatchObject({ ok: true, config: { defaultTarget: "production", commandPrefix: "/" } });
  });

  it("annotates every top-level key with a comment", () => {
    const lines = text.split("\n");

    for (const key of Object.keys(deployConfigSchema.definitions.DeployFileV2.properties)) {
      const index = lines.findIndex((line) => new RegExp(`^#? ?${key}:`).test(line));
      expect([key, lines[index - 1]?.startsWith("#")]).toEqual([key, true]);
    }
  });

  it("annotates every key with a comment", () => {
    const lines = text.split("\n");
    const production = lines.findIndex((line) => line === "  production:");
    const review = lines.findIndex((line) => line === "  review:");

    for (const key of Object.keys(deployConfigSchema.definitions.TargetV2.properties)) {
      const index = lines.findIndex((line, at) => at > production && at < review && line.startsWith(`    ${key}:`));
      expect([key, lines[index - 1]?.trim().startsWith("#")]).toEqual([key, true]);
    }
  });
});
