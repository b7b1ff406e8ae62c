import { describe, expect, it } from "@jest/globals";
import { detectConfigVersion } from "./detect-config-version.js";

describe("detectConfigVersion", () => {
  it.each([
    ["no version key", { production: {} }, 1],
    ["version 2", { version: 2, targets: {} }, 2],
  ])("%s", (_name, doc, version) => {
    expect(detectConfigVersion(doc)).toEqual({ version });
  });

  it.each([
    ["version 3", { version: 3 }, /unsupported `version: 3`.*`version: 2`.*without `version`/],
    ["version 1", { version: 1, production: {} }, /unsupported `version: 1`/],
    ["a quoted 2", { version: "2", targets: {} }, /as a number, without quotes/],
    ["an empty version", { version: null }, /unsupported `version: null`/],
  ])("rejects %s, naming the versions that exist", (_name, doc, message) => {
    const result = detectConfigVersion(doc);

    expect(result).toEqual({ problem: { path: ["version"], message: expect.stringMatching(message) } });
  });

  it("asks for version: 2 when targets: is used without it", () => {
    const result = detectConfigVersion({ targets: { production: {} } });

    expect(result).toEqual({ problem: { path: ["targets"], message: expect.stringContaining("add `version: 2`") } });
  });
});
